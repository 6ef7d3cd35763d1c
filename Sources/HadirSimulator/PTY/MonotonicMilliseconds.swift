/// The server's time base for module timers: whole milliseconds since the server started, read
/// from `ContinuousClock` (monotonic, so a wall-clock change cannot fire or stall a job).
struct MonotonicMilliseconds: Sendable {
    let origin: ContinuousClock.Instant

    init(origin: ContinuousClock.Instant = .now) {
        self.origin = origin
    }

    /// Milliseconds from the origin to `instant`, rounded down.
    func milliseconds(at instant: ContinuousClock.Instant) -> Int64 {
        let elapsed = origin.duration(to: instant).components
        return elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
    }

    /// Milliseconds from the origin to now.
    func now() -> Int64 {
        milliseconds(at: .now)
    }

    /// The instant `milliseconds` after the origin.
    func instant(at milliseconds: Int64) -> ContinuousClock.Instant {
        origin.advanced(by: .milliseconds(milliseconds))
    }
}
