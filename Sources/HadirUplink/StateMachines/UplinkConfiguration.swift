/// Per-server knobs of the uplink session that the server itself does not send at handshake.
///
/// Time spans are `Duration`s; instants elsewhere in the session are UTC milliseconds (`Int64`),
/// the same unit the journal and the store use.
public struct UplinkConfiguration: Hashable, Sendable {
    /// Largest upload batch, in records; the batch starts here, halves on refusal, doubles back on success.
    public var maxBatch = 500
    /// Tries of a single record answered 200 without `OK` before it is quarantined (reference §2).
    public var quarantineAfter = 5
    /// Base of the exponential backoff; nil uses the server's `ErrorDelay`.
    public var backoffBase: Duration?
    /// Largest backoff ceiling: after a week-long outage the kiosk still retries at least this often.
    public var backoffCap: Duration = .seconds(30 * 60)
    /// Shortest wait after a failure, so a zero draw of the full jitter never turns into a hot loop.
    public var minimumRetryDelay: Duration = .seconds(1)
    /// Longest `Retry-After` honoured: a lying server must not be able to silence the kiosk for weeks.
    public var maximumRetryAfter: Duration = .seconds(6 * 3600)
    /// The server follows old firmware, where `ATTLOGStamp=None` means "replay everything" (reference §1.1).
    public var legacyStamps = false
    /// INFO rides on a poll at least this often even when nothing changed (reference §3).
    public var infoInterval: Duration = .seconds(5 * 60)
    /// Poll period after a poll that returned commands, so a command burst drains quickly.
    public var pollDelayAfterCommands: Duration = .seconds(1)
    /// Shortest poll period, whatever `Delay` says: `Delay=0` must not hot-loop.
    public var minimumPollDelay: Duration = .seconds(2)
    /// Longest poll period, whatever `Delay` says: `Delay=86400` must not mute the command channel.
    public var maximumPollDelay: Duration = .seconds(300)
    /// Handshake again this long after the last one: it is the only way to learn that the server lost data.
    public var rehandshakeInterval: Duration = .seconds(12 * 3600)
    /// Upload period used when the server enables neither Realtime, TransInterval nor TransTimes: punches
    /// must still reach it without an operator.
    public var fallbackUploadInterval: Duration = .seconds(15 * 60)
    /// The kiosk's own UTC offset in minutes (WIB 420, WITA 480, WIT 540), used to place `TransTimes`.
    /// Not the server's `TimeZone`, which can be nonsense.
    public var utcOffsetMinutes = 7 * 60

    /// The defaults above; adjust fields as needed.
    public init() {}
}
