import Synchronization

/// Proof of progress from a long-running loop (the scanner's identify/reconnect loop), read by the
/// watchdog. A loop beats each round and says how long its next step may take, so a loop that is
/// retrying with a long backoff still counts as alive while a wedged one does not.
public final class LoopHeartbeat: Sendable {
    /// One beat: when it came and how long the loop may take before the next one.
    public struct Beat: Sendable, Hashable {
        public var at: ContinuousClock.Instant
        public var within: Duration

        public init(at: ContinuousClock.Instant, within: Duration) {
            self.at = at
            self.within = within
        }
    }

    private let last: Mutex<Beat>

    /// Starts as if the loop had just beaten, so the daemon's first seconds are not "stale".
    public init(startingAt start: ContinuousClock.Instant = .now, within: Duration = .seconds(30)) {
        last = Mutex(Beat(at: start, within: within))
    }

    /// Records progress; the next beat is due within `within`.
    public func beat(within: Duration, at now: ContinuousClock.Instant = .now) {
        last.withLock { $0 = Beat(at: now, within: within) }
    }

    public var latest: Beat { last.withLock { $0 } }
}
