/// The clock's integrity in `GET /v1/status` (`clock`), for `hadirctl status` and the door screen.
public struct ClockStatus: Codable, Sendable, Hashable {
    public var synced: Bool
    /// Who vouches for the clock: "ntp", "server" or "file"; nil while unsynced.
    public var source: String?
    /// The kiosk text to show while unsynced ("Jam belum sinkron"); nil when synced.
    public var message: String?
    /// Punches of this boot taken while unsynced and not corrected yet: sync will re-time them.
    public var unsyncedPunches: Int
    /// Unsynced punches of earlier boots: their monotonic time is lost, they stay unsynced.
    public var uncorrectablePunches: Int
    /// Correction rows in the journal.
    public var corrections: Int
    /// Backward jumps of the wall clock seen in this boot.
    public var backwardJumps: Int
    /// How far the last backward jump went, in milliseconds.
    public var lastBackwardJumpMilliseconds: Int64?
    /// When it was detected (milliseconds since the epoch, best-known true time).
    public var lastBackwardJumpAtMilliseconds: Int64?
    /// Why the sync source could not be read (a bad sync-state file, adjtimex failing).
    public var problem: String?

    public init(
        synced: Bool, source: String?, message: String?, unsyncedPunches: Int, uncorrectablePunches: Int, corrections: Int,
        backwardJumps: Int, lastBackwardJumpMilliseconds: Int64?, lastBackwardJumpAtMilliseconds: Int64?, problem: String?
    ) {
        self.synced = synced
        self.source = source
        self.message = message
        self.unsyncedPunches = unsyncedPunches
        self.uncorrectablePunches = uncorrectablePunches
        self.corrections = corrections
        self.backwardJumps = backwardJumps
        self.lastBackwardJumpMilliseconds = lastBackwardJumpMilliseconds
        self.lastBackwardJumpAtMilliseconds = lastBackwardJumpAtMilliseconds
        self.problem = problem
    }

    enum CodingKeys: String, CodingKey {
        case synced, source, message, corrections, problem
        case unsyncedPunches = "unsynced_punches"
        case uncorrectablePunches = "uncorrectable_punches"
        case backwardJumps = "backward_jumps"
        case lastBackwardJumpMilliseconds = "last_backward_jump_ms"
        case lastBackwardJumpAtMilliseconds = "last_backward_jump_at_ms"
    }
}
