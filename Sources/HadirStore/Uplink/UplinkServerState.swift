/// What the store keeps for one uplink server: its outbox cursor and health.
public struct UplinkServerState: Hashable, Sendable {
    public var server: String
    /// Every seq up to this one was acknowledged by the server (2xx with `OK`).
    public var ackedSeq: Int64
    public var lastSuccessMilliseconds: Int64?
    public var lastError: String?
    public var lastErrorMilliseconds: Int64?
    public var lastHandshakeMilliseconds: Int64?
    /// Server clock minus kiosk clock, from the last trustworthy `Date` header.
    public var clockDriftMilliseconds: Int64?

    public init(server: String, ackedSeq: Int64 = 0) {
        self.server = server
        self.ackedSeq = ackedSeq
    }
}

/// A punch a server kept refusing (200 without `OK`) and that the uplink stepped past so the queue
/// never blocks. Reported to the operator; never deleted.
public struct QuarantinedPunch: Hashable, Sendable {
    public var server: String
    public var seq: Int64
    public var reason: String
    public var tries: Int
    public var sinceMilliseconds: Int64
}

/// A server command the kiosk has executed, with the result it reported (or still must report).
public struct ProcessedCommand: Hashable, Sendable {
    public var server: String
    public var commandID: String
    public var command: String
    public var returnCode: Int
    /// The devicecmd result line(s).
    public var result: String
    public var receivedMilliseconds: Int64
    /// When the server acknowledged the result; nil while it must still be sent.
    public var reportedMilliseconds: Int64?
}

/// How far one server is behind the journal.
public struct UplinkBacklog: Hashable, Sendable {
    public var count: Int
    /// UTC instant of the oldest punch not yet acknowledged, if any.
    public var oldestUTCMilliseconds: Int64?
}
