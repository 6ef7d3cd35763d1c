/// One server's ADMS push session as a pure state machine (DESIGN §5): the state is an enum, events
/// are methods, and each event returns the actions the I/O shell performs, in order.
///
/// Sans-I/O and clock-free: every event carries `now` (UTC milliseconds, as in the journal), and the
/// backoff's jitter comes from the injected generator, so every path is testable without sockets.
///
/// Guarantees the shell can rely on:
/// - at most one request in flight (the state carries it), so never two uploads at once;
/// - batches go strictly in seq order starting right after the cursor; nothing is skipped except a
///   record explicitly quarantined (and reported);
/// - the cursor moves forward only on an upload success or a quarantine, and backwards only when a
///   handshake stamp asks for a replay or a rewind (reference §1.1).
public struct UplinkSession<Generator: RandomNumberGenerator> {
    /// The knobs this session was built with.
    public let configuration: UplinkConfiguration
    /// Where the session stands.
    public internal(set) var state: UplinkSessionState = .idle
    /// The outbox cursor: every seq up to here was acknowledged (or quarantined) for this server.
    public internal(set) var ackedSeq: Int64
    /// The newest seq in the journal.
    public internal(set) var lastSeq: Int64
    /// The oldest seq still in the journal; a replay starts here.
    public internal(set) var retainedFromSeq: Int64
    /// The options from the last successful handshake (defaults before one).
    public internal(set) var options = ADMSServerOptions()

    var generator: Generator
    var sizer: UplinkBatchSizer
    var quarantine: UplinkQuarantine
    /// Handshakes and options uploads.
    var connectBackoff: UplinkBackoff
    /// Uploads, separately from polls: a server whose getrequest works while cdata fails still gets
    /// its commands, and each channel's failures grow only its own waits.
    var uploadBackoff: UplinkBackoff
    var pollBackoff: UplinkBackoff
    /// The channel's last failure was the network (no HTTP answer): any later answer from the server
    /// disproves it, so the channel's wait is cut short then instead of running out a long backoff.
    var uploadWaitsForNetwork = false
    var pollWaitsForNetwork = false
    var schedule: UplinkSchedule
    var pollPlan: UplinkPollPlan
    /// No request before this instant: the server's `Retry-After`, which covers the whole server.
    var quietUntil: Int64?
    /// An upload window opened (schedule, first handshake, rewind, LOG, CHECK): upload until the backlog is empty.
    var drainRequested = false
    /// The server sent CHECK: handshake again once the current request is done.
    var handshakeRequested = false
    var nextHandshakeAt: Int64?
    /// A handshake has succeeded since start.
    var hasConnected = false
    /// The last request issued, so uploads and polls take turns when both are due.
    var lastIssued: UplinkRequestKind?

    /// A session that has not started yet.
    /// - Parameters:
    ///   - ackedSeq: the stored cursor for this server.
    ///   - lastSeq: the newest seq in the journal (0 when empty).
    ///   - retainedFromSeq: the oldest seq still in the journal (`lastSeq + 1` when empty); must not
    ///     exceed `ackedSeq + 1`, which the store guarantees by pruning only what every server acked.
    ///   - generator: the jitter's randomness; a seeded one makes tests deterministic.
    public init(configuration: UplinkConfiguration, ackedSeq: Int64, lastSeq: Int64, retainedFromSeq: Int64, generator: Generator) {
        self.configuration = configuration
        self.ackedSeq = max(0, ackedSeq)
        self.lastSeq = max(0, lastSeq)
        self.retainedFromSeq = max(1, retainedFromSeq)
        self.generator = generator
        sizer = UplinkBatchSizer(maximum: configuration.maxBatch)
        quarantine = UplinkQuarantine(threshold: configuration.quarantineAfter)
        let base = configuration.backoffBase?.uplinkMilliseconds ?? Int64(ADMSServerOptions().errorDelaySeconds) * 1000
        let backoff = UplinkBackoff(
            baseMilliseconds: base, capMilliseconds: configuration.backoffCap.uplinkMilliseconds,
            floorMilliseconds: configuration.minimumRetryDelay.uplinkMilliseconds)
        connectBackoff = backoff
        uploadBackoff = backoff
        pollBackoff = backoff
        schedule = UplinkSchedule(
            utcOffsetMinutes: configuration.utcOffsetMinutes,
            fallbackIntervalMilliseconds: configuration.fallbackUploadInterval.uplinkMilliseconds)
        pollPlan = UplinkPollPlan(configuration: configuration)
    }

    /// Records in the journal this server has not acknowledged.
    public var hasBacklog: Bool { lastSeq > ackedSeq }

    /// The batch size the next upload will use (before clipping to the backlog).
    public var batchSize: Int { sizer.size }

    /// Upload failures since the last upload success, for status.
    public var consecutiveUploadFailures: Int { uploadBackoff.failures }

    /// True while a request's outcome is awaited.
    public var requestInFlight: Bool {
        switch state {
        case .handshaking, .uploadingOptions, .running(.uploading), .running(.polling): return true
        case .idle, .backingOff, .running(.waiting): return false
        }
    }
}

extension UplinkSession: Sendable where Generator: Sendable {}

extension UplinkSession where Generator == SystemRandomNumberGenerator {
    /// A session drawing its jitter from the system generator: what the daemon uses.
    public init(configuration: UplinkConfiguration, ackedSeq: Int64, lastSeq: Int64, retainedFromSeq: Int64) {
        self.init(
            configuration: configuration, ackedSeq: ackedSeq, lastSeq: lastSeq, retainedFromSeq: retainedFromSeq,
            generator: SystemRandomNumberGenerator())
    }
}
