extension FaceScannerDriver {
    /// Deletes the face enrolled as user `slot` (DELETE_USER); an unknown user counts as deleted.
    public func delete(slot: UInt16) async throws(ScannerError) {
        try await exclusive { () throws(ScannerError) in
            try requireOpen()
            let reply = try execute(.deleteUser(slot))
            guard reply.result == .success || reply.result == .unknownUser else { throw .faceModule(reply.result) }
        }
    }

    /// The user ids of every enrolled face, ascending (GET_ALL_USERID).
    public func list() async throws(ScannerError) -> [UInt16] {
        try await exclusive { () throws(ScannerError) -> [UInt16] in
            try requireOpen()
            return try enrolledUserIDs()
        }
    }

    /// GET_ALL_USERID, sorted: the module does not promise an order.
    func enrolledUserIDs() throws(ScannerError) -> [UInt16] {
        let reply = try execute(.getAllUserIDs)
        try reply.requireSuccess()
        guard case .userIDs(let ids) = reply.payload else {
            throw .protocolViolation("GET_ALL_USERID was answered without ids")
        }
        return ids.sorted()
    }
}
