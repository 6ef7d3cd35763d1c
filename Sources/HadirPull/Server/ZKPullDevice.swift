/// The kiosk behind the pull server: performs a session's queries against the store, the scanner
/// and the clock. The daemon provides it; tests can provide their own.
public protocol ZKPullDevice: Sendable {
    /// Performs `query` for the session described by `context`.
    func answer(_ query: ZKDeviceQuery, context: ZKQueryContext) async -> ZKDeviceAnswer
    /// RESTART was acknowledged to the client: restart the kiosk.
    func restart(context: ZKQueryContext) async
}

/// Who asked: for audit rows and logs.
public struct ZKQueryContext: Sendable, Equatable {
    public var peer: String
    public var sessionID: UInt16
    public var transport: ZKTransportKind

    public init(peer: String, sessionID: UInt16, transport: ZKTransportKind) {
        self.peer = peer
        self.sessionID = sessionID
        self.transport = transport
    }

    /// The actor recorded in audit rows, e.g. `pull tcp 192.168.1.10 #17`.
    public var actor: String { "pull \(transport.rawValue) \(peer) #\(sessionID)" }
}
