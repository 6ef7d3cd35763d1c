/// One look at the kiosk's clocks and its sync source, taken by the clock-integrity poll.
public struct ClockSample: Hashable, Sendable {
    /// CLOCK_REALTIME in milliseconds since the Unix epoch, as the board reads it (possibly wrong).
    public var wallMilliseconds: Int64
    /// CLOCK_BOOTTIME in nanoseconds: steady within `bootID`, meaningless across boots.
    public var monotonicNanoseconds: UInt64
    public var bootID: String
    public var sync: ClockSyncStatus

    public init(wallMilliseconds: Int64, monotonicNanoseconds: UInt64, bootID: String, sync: ClockSyncStatus) {
        self.wallMilliseconds = wallMilliseconds
        self.monotonicNanoseconds = monotonicNanoseconds
        self.bootID = bootID
        self.sync = sync
    }

    /// The best-known true time: the wall clock plus the source's offset.
    public var trueMilliseconds: Int64 { wallMilliseconds + sync.offsetMilliseconds }
}
