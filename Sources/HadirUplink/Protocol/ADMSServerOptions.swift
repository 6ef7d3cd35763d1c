/// What a server told the kiosk at handshake (reference §1), with the protocol's defaults for
/// anything it left out. Produced by the handshake parser, consumed by the session and scheduler.
public struct ADMSServerOptions: Hashable, Sendable {
    public var attlogStamp: ADMSStamp = .absent
    public var operlogStamp: ADMSStamp = .absent
    /// Seconds to wait after a failure (reference range 30-300).
    public var errorDelaySeconds = 30
    /// getrequest poll period in seconds (2-60).
    public var delaySeconds = 10
    /// Scheduled upload times, minutes since local midnight (up to 10).
    public var transTimes: [Int] = []
    /// Periodic upload in minutes; 0 = off.
    public var transIntervalMinutes = 1
    /// Upload each record at once.
    public var realtime = true
    /// Table names the server wants (upper-cased, e.g. "ATTLOG", "OPLOG"); nil = all.
    public var transTables: Set<String>?
    /// Server's zone offset in minutes, when it sent a usable TimeZone.
    public var timeZoneOffsetMinutes: Int?
    /// The server asked for `table=options` with these keys (empty = all the kiosk wants to send).
    public var pushOptionsRequested = false
    public var pushOptionKeys: [String] = []
    public var serverVersion: String?
    /// Keys the parser did not know, kept for the log.
    public var unknownKeys: [String] = []

    public init() {}
}
