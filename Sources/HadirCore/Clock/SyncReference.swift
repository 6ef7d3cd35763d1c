/// A moment at which the true time is known, pinned to the monotonic clock of one boot.
///
/// Any other monotonic time of the same boot maps to a true instant by adding the elapsed time;
/// CLOCK_BOOTTIME keeps counting through suspend, so the mapping holds for the whole boot.
public struct SyncReference: Hashable, Sendable {
    public var trueUTCMilliseconds: Int64
    public var monotonicNanoseconds: UInt64
    public var bootID: String
    public var origin: ClockSyncOrigin

    public init(trueUTCMilliseconds: Int64, monotonicNanoseconds: UInt64, bootID: String, origin: ClockSyncOrigin) {
        self.trueUTCMilliseconds = trueUTCMilliseconds
        self.monotonicNanoseconds = monotonicNanoseconds
        self.bootID = bootID
        self.origin = origin
    }

    /// The true instant of monotonic time `monotonic` of boot `bootID`, in milliseconds since the
    /// epoch; nil for another boot, whose monotonic clock started from a different zero.
    ///
    /// Works both ways: a time before the reference (a punch taken while unsynced) and after it.
    /// Sub-millisecond remainders round down, so later monotonic times never map to earlier instants.
    public func trueInstant(monotonicNanoseconds monotonic: UInt64, bootID: String) -> Int64? {
        guard bootID == self.bootID else { return nil }
        let elapsed =
            monotonic >= monotonicNanoseconds
            ? Int64(clamping: monotonic - monotonicNanoseconds) : -Int64(clamping: monotonicNanoseconds - monotonic)
        let milliseconds = elapsed >= 0 ? elapsed / 1_000_000 : -((-elapsed + 999_999) / 1_000_000)
        return trueUTCMilliseconds + milliseconds
    }
}
