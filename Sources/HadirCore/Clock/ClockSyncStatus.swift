/// What a sync source says about the wall clock at one moment.
public enum ClockSyncStatus: Hashable, Sendable {
    /// Nobody vouches for the wall clock: punches are flagged `unsynced`.
    case unsynchronized
    /// The true time is the wall clock plus `offsetMilliseconds` (0 once NTP has stepped the clock;
    /// a test source may model a board whose clock is still wrong).
    case synchronized(offsetMilliseconds: Int64)

    /// True for ``synchronized(offsetMilliseconds:)``.
    public var isSynchronized: Bool {
        if case .synchronized = self { return true }
        return false
    }

    /// How far the wall clock is from the true time (0 when unsynchronized: nothing better is known).
    public var offsetMilliseconds: Int64 {
        if case .synchronized(let offset) = self { return offset }
        return 0
    }
}
