/// The wall clock went back against the monotonic clock: a hand-set clock, a server or NTP stepping
/// back a clock that ran ahead. Punches after it may read earlier than punches before it.
public struct BackwardJump: Hashable, Sendable {
    /// How far the clock went back, in milliseconds (always positive).
    public var milliseconds: Int64
    /// The best-known true time right after the jump, in milliseconds since the epoch.
    public var detectedAtMilliseconds: Int64
    public var monotonicNanoseconds: UInt64

    public init(milliseconds: Int64, detectedAtMilliseconds: Int64, monotonicNanoseconds: UInt64) {
        self.milliseconds = milliseconds
        self.detectedAtMilliseconds = detectedAtMilliseconds
        self.monotonicNanoseconds = monotonicNanoseconds
    }
}
