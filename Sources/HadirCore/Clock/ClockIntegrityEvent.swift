/// What the clock-integrity state machine noticed in a sample; the daemon logs, counts and shows it.
public enum ClockIntegrityEvent: Hashable, Sendable {
    /// The first sample of a boot: nobody vouches for the clock ("Jam belum sinkron").
    case startedUnsynchronized
    /// Sync arrived (or was already there at the first sample): unsynced punches of this boot can
    /// now be re-derived from `reference`.
    case synchronized(SyncReference)
    /// The source stopped vouching for the clock (NTP lost for long, a server-less kiosk).
    case lostSynchronization
    case jumpedBackward(BackwardJump)
    /// The wall clock moved forward by more than the threshold: NTP or a server stepping a late
    /// clock. Not a fault; reported for the log.
    case steppedForward(milliseconds: Int64)
}
