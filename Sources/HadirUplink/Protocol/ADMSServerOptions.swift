/// What a server told the kiosk at handshake (reference §1), with the protocol's defaults for
/// anything it left out. Produced by the handshake parser, consumed by the session and scheduler.
///
/// Numeric values are clamped to the ranges below rather than rejected: a server that asks for a
/// 1-second ErrorDelay or a 10-minute poll gets the nearest sane value, so a misconfigured server can
/// neither hammer itself nor silence the command channel.
public struct ADMSServerOptions: Hashable, Sendable {
    /// ErrorDelay is clamped to the reference's recommended 30-300 s.
    public static let errorDelayRange = 30...300
    /// Delay (the getrequest poll period) is clamped to the reference's recommended 2-60 s.
    public static let delayRange = 2...60
    /// TransInterval is clamped to 0 (off) through one day, 1440 minutes.
    public static let transIntervalRange = 0...1440
    /// TransTimes keeps at most this many entries (reference §1).
    public static let maximumTransTimes = 10

    /// `ATTLOGStamp` (legacy `Stamp`): the server's cursor for attendance uploads, reference §1.1.
    public var attlogStamp: ADMSStamp = .absent
    /// `OPERLOGStamp` (legacy `OpStamp`).
    public var operlogStamp: ADMSStamp = .absent
    /// `ATTPHOTOStamp` (legacy `PhotoStamp`); Hadir takes no photos, so this is informational.
    public var attphotoStamp: ADMSStamp = .absent
    /// Other `<TABLE>Stamp` keys (BIODATA, ERRORLOG, …), keyed by the upper-cased table name.
    public var otherStamps: [String: ADMSStamp] = [:]
    /// Seconds to wait after a failure (reference range 30-300).
    public var errorDelaySeconds = 30
    /// getrequest poll period in seconds (2-60).
    public var delaySeconds = 10
    /// Scheduled upload times, minutes since local midnight (up to 10), ascending and unique.
    public var transTimes: [Int] = []
    /// Periodic upload in minutes; 0 = off.
    public var transIntervalMinutes = 1
    /// Upload each record at once.
    public var realtime = true
    /// Table names the server wants (upper-cased, e.g. "ATTLOG", "OPLOG"); nil = all.
    /// See ``ADMSTransFlag`` for the names.
    public var transTables: Set<String>?
    /// Server's zone offset in minutes, when it sent a usable TimeZone.
    public var timeZoneOffsetMinutes: Int?
    /// The server asked for `table=options` with these keys (empty = all the kiosk wants to send).
    public var pushOptionsRequested = false
    /// `PushOptions`: the option keys the server wants in `table=options`.
    public var pushOptionKeys: [String] = []
    /// `ServerVer` as sent.
    public var serverVersion: String?
    /// `PushProtVer`: the protocol version the server implements (2.2.14 when absent, per ZKTeco).
    public var pushProtocolVersion: String?
    /// `Encrypt` as sent (almost always `None` or `0`); Hadir never encrypts at the application layer.
    public var encryption: String?
    /// The serial number in the `GET OPTION FROM:` line, when there was one (for mismatch logging).
    public var echoedSerialNumber: String?
    /// Keys the parser did not know, kept for the log.
    public var unknownKeys: [String] = []
    /// Known keys whose value could not be used (`key=value` excerpts); the default was kept.
    public var rejectedValues: [String] = []

    /// The protocol defaults, used for a bare `OK` handshake and as the base the parser fills in.
    public init() {}

    /// True when the server wants attendance records (TransFlag absent, or naming `ATTLOG`).
    public var wantsAttendanceLog: Bool { transTables?.contains(ADMSTransFlag.attendanceLog) ?? true }

    /// True when the server wants operation records: OPLOG or any user/fingerprint change table.
    public var wantsOperationLog: Bool {
        guard let tables = transTables else { return true }
        return !tables.isDisjoint(with: ADMSTransFlag.operationLogTables)
    }
}
