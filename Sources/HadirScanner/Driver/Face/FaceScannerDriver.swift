import HadirCore

/// Drives one EFAA face module (HLK-FM225 class, reference §2): connect, identify by VERIFY,
/// enroll by ENROLL_ITG with the module's duplicate check, and library upkeep, as async calls.
///
/// Where blocking happens: transport reads block in poll(2), each bounded by
/// `configuration.responseTimeout`. The actor runs on its own serial executor (a private dispatch
/// queue), so a VERIFY that waits seconds for a face never occupies Swift's cooperative threads.
/// Top-level operations are serialised, because the module runs one job at a time and remembers a
/// half-done enrollment between its direction commands.
public actor FaceScannerDriver: ModuleConnection {
    /// How this driver talks to the module.
    public let configuration: FaceScannerConfiguration

    let transport: any ScannerTransport
    let clock = ContinuousClock()
    var decoder = EFAAFrameDecoder()
    var isOpen = false
    /// Set when RESET is sent: the READY a module may announce a reset with is then no restart.
    var resetMayAnnounceReady = false
    var diagnosticsStorage = FaceScannerDiagnostics()
    /// Bytes discarded by decoders of earlier connections.
    var discardedBeforeDecoder = 0

    var gate = OperationGate()
    private nonisolated let executor: ScannerIOExecutor

    /// Creates a driver; nothing is opened until ``open()``.
    public init(transport: any ScannerTransport, configuration: FaceScannerConfiguration = .init()) {
        self.transport = transport
        self.configuration = configuration
        executor = ScannerIOExecutor(label: "hadir.scanner.face")
    }

    /// The driver's executor: a private queue, so blocking reads stay off the cooperative pool.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Health counters since the driver was created.
    public var diagnostics: FaceScannerDiagnostics {
        var diagnostics = diagnosticsStorage
        diagnostics.discardedBytes += discardedBeforeDecoder + decoder.discardedByteCount
        return diagnostics
    }

    /// The last FACE_STATE note the module sent, nil before any.
    public var lastFaceState: EFAAFaceState? { diagnosticsStorage.lastFaceState }

    // MARK: - Internals shared by the operation files

    /// `.notConnected` unless ``open()`` succeeded and the connection is still up.
    func requireOpen() throws(ScannerError) {
        guard isOpen else { throw .notConnected }
    }

    func closeConnection() {
        transport.close()
        isOpen = false
        resetMayAnnounceReady = false
        discardedBeforeDecoder += decoder.discardedByteCount + decoder.bufferedByteCount
        decoder = EFAAFrameDecoder()
    }

}
