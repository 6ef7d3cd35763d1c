extension FaceScannerDriver {
    /// Opens the transport and checks the module answers: RESET (stops a job left running, e.g. by
    /// a daemon that died mid-VERIFY), GET_STATUS, GET_VERSION, GET_SN.
    ///
    /// Any open connection is closed first, so this is also how to reconnect. A module that answers
    /// nothing throws `.timeout`. The capacity is `configuration.capacity`: EFAA cannot report it.
    public func open() async throws(ScannerError) -> ScannerModuleInfo {
        try await exclusive { () throws(ScannerError) -> ScannerModuleInfo in
            try reopenTransport()
            do throws(ScannerError) {
                try execute(.reset).requireSuccess()
                try execute(.getStatus).requireSuccess()
                let version = try readText(.getVersion)
                let serial = try readText(.getSerialNumber)
                return ScannerModuleInfo(capacity: configuration.capacity, detail: "\(version), serial \(serial)")
            } catch {
                closeConnection()
                throw error
            }
        }
    }

    /// Closes the transport; later calls throw `.notConnected` until ``open()`` succeeds.
    public func close() async {
        closeConnection()
    }

    /// The text of a GET_VERSION or GET_SN reply.
    private func readText(_ command: EFAACommand) throws(ScannerError) -> String {
        let reply = try execute(command)
        try reply.requireSuccess()
        guard case .text(let text) = reply.payload else {
            throw .protocolViolation("\(command.id.operationName) was answered without text")
        }
        return text
    }
}
