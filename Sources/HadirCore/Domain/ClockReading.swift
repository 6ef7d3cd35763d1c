/// One reading of the kiosk's clocks, taken when a scan arrives.
public struct ClockReading: Hashable, Sendable, Codable {
    /// Wall-clock instant in milliseconds since the Unix epoch, UTC.
    public var utcMilliseconds: Int64
    /// Monotonic time since boot in nanoseconds (CLOCK_BOOTTIME): valid only within `bootID`.
    public var monotonicNanoseconds: UInt64
    /// The kernel's boot id, so monotonic times from different boots are never compared.
    public var bootID: String
    public var quality: ClockQuality

    public init(utcMilliseconds: Int64, monotonicNanoseconds: UInt64, bootID: String, quality: ClockQuality) {
        self.utcMilliseconds = utcMilliseconds
        self.monotonicNanoseconds = monotonicNanoseconds
        self.bootID = bootID
        self.quality = quality
    }
}
