import HadirCore

/// Drives one EF01 fingerprint module: connect, identify, enroll with duplicate check, and
/// library upkeep, as async calls.
///
/// Where blocking happens: transport calls block in poll(2), each bounded by
/// `configuration.responseTimeout`. The actor runs on its own serial executor (a private dispatch
/// queue), so those waits never occupy Swift's cooperative threads; waits between polls are
/// `Task.sleep`, which frees the executor. Top-level operations are serialised with an async lock,
/// because the module's CharBuffers are shared state: an identify must not run between the two
/// presses of an enrollment.
public actor ScannerDriver: ModuleConnection {
    /// How this driver talks to the module.
    public let configuration: ScannerConfiguration

    let transport: any ScannerTransport
    let clock = ContinuousClock()
    var decoder = EF01FrameDecoder()
    var isOpen = false
    var parameters: EF01SystemParameters?
    var diagnosticsStorage = ScannerDiagnostics()

    var gate = OperationGate()
    private nonisolated let executor: ScannerIOExecutor

    /// Creates a driver; nothing is opened until `connect()`.
    public init(transport: any ScannerTransport, configuration: ScannerConfiguration = .init()) {
        self.transport = transport
        self.configuration = configuration
        executor = ScannerIOExecutor(label: "hadir.scanner")
    }

    /// The driver's executor: a private queue, so blocking reads stay off the cooperative pool.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// The parameters read at the last successful `connect()` / `readSysPara()`, nil when disconnected.
    public var systemParameters: EF01SystemParameters? { parameters }

    /// Health counters since the driver was created.
    public var diagnostics: ScannerDiagnostics { diagnosticsStorage }

    /// Opens the transport, verifies the password if configured, and reads the system parameters.
    ///
    /// Capacity and packet size are taken from the module, never assumed. Any open connection is
    /// closed first, so this is also how to reconnect after `.transport(.disconnected)`.
    public func connect() async throws(ScannerError) -> EF01SystemParameters {
        try await exclusive { () throws(ScannerError) -> EF01SystemParameters in
            try reopenTransport()
            decoder.reset()
            do throws(ScannerError) {
                if configuration.verifyPassword {
                    try execute(.verifyPassword(configuration.password)).requireSuccess()
                }
                return try readSystemParameters()
            } catch {
                closeConnection()
                throw error
            }
        }
    }

    /// Closes the transport; later calls throw `.notConnected` until `connect()` succeeds.
    public func disconnect() {
        closeConnection()
    }

    /// Rereads the system parameters (capacity, packet size, …) from the module.
    public func readSysPara() async throws(ScannerError) -> EF01SystemParameters {
        try await exclusive { () throws(ScannerError) -> EF01SystemParameters in
            try readSystemParameters()
        }
    }

    // MARK: - Internals shared by the operation files

    func readSystemParameters() throws(ScannerError) -> EF01SystemParameters {
        let ack = try execute(.readSysPara)
        try ack.requireSuccess()
        let read: EF01SystemParameters
        do {
            read = try EF01SystemParameters(bytes: ack.data)
        } catch {
            throw .frame(error)
        }
        guard read.capacity > 0 else {
            throw .protocolViolation("module reports a library capacity of 0")
        }
        guard read.hasValidPacketSize else {
            throw .protocolViolation("module reports packet size code \(read.packetSizeCode)")
        }
        parameters = read
        return read
    }

    /// The parameters from `connect()`, or `.notConnected`.
    func requireParameters() throws(ScannerError) -> EF01SystemParameters {
        guard isOpen, let parameters else { throw .notConnected }
        return parameters
    }

    func closeConnection() {
        transport.close()
        isOpen = false
        parameters = nil
        diagnosticsStorage.discardedBytes += decoder.bufferedByteCount
        decoder = EF01FrameDecoder()
    }

}

extension EF01Acknowledgement {
    /// Throws `.module` unless the reply reports success.
    func requireSuccess() throws(ScannerError) {
        if let error { throw .module(error) }
    }
}
