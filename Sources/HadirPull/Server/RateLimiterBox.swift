import Synchronization

/// The shared rate limiter, locked: TCP connections run concurrently.
final class RateLimiterBox: Sendable {
    private let limiter: Mutex<ZKRateLimiter>

    init(_ limiter: ZKRateLimiter) { self.limiter = Mutex(limiter) }

    func allow(_ peer: String) -> Bool {
        let now = ContinuousClock.now.nanosecondsSinceReference
        return limiter.withLock { $0.allow(peer, nowNanoseconds: now) }
    }
}

extension ContinuousClock.Instant {
    /// Nanoseconds since an arbitrary fixed point of this boot, for pure timekeeping code.
    var nanosecondsSinceReference: UInt64 {
        let components = (self - ContinuousClock.Instant.reference).components
        return UInt64(max(0, components.seconds)) &* 1_000_000_000 &+ UInt64(max(0, components.attoseconds / 1_000_000_000))
    }

    static let reference = ContinuousClock.now
}
