import HadirCore

/// A clock for demos and tests that starts at a chosen local time and runs `rate` times faster.
/// Its readings are always flagged `unsynced`: they are not the real time.
public struct SimulatedClock: ClockSource {
    let startUTCMilliseconds: Int64
    let startMonotonic: UInt64
    let rate: Double
    let system: SystemClock

    public init(startLocal: LocalDateTime, zoneOffsetSeconds: Int32, rate: Double) {
        startUTCMilliseconds = startLocal.utcMilliseconds(offsetSeconds: zoneOffsetSeconds)
        startMonotonic = SystemClock.boottimeNanoseconds()
        self.rate = rate
        system = SystemClock()
    }

    public func now() -> ClockReading {
        let monotonic = SystemClock.boottimeNanoseconds()
        let elapsed = Double(monotonic - startMonotonic) / 1_000_000 * rate
        return ClockReading(
            utcMilliseconds: startUTCMilliseconds + Int64(elapsed), monotonicNanoseconds: monotonic,
            bootID: system.bootID, quality: .unsynced)
    }
}
