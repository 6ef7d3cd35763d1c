/// Exponential backoff with full jitter for one kind of request (reference §2, AWS "full jitter").
///
/// After the n-th consecutive failure the wait is a uniform draw in
/// `[0, min(cap, base · 2^(n-1))]`, raised to a small floor so a zero draw never hot-loops.
/// Full jitter spreads a fleet of kiosks that lost the same server at the same moment.
struct UplinkBackoff: Hashable, Sendable {
    /// Base in ms: the configured base, else the server's `ErrorDelay`.
    private(set) var baseMilliseconds: Int64
    let capMilliseconds: Int64
    let floorMilliseconds: Int64
    /// Consecutive failures since the last success.
    private(set) var failures = 0
    /// Earliest retry (UTC ms); nil when the channel may go now.
    private(set) var retryAt: Int64?

    /// A backoff with no failures yet; the base is kept within [floor, cap].
    init(baseMilliseconds: Int64, capMilliseconds: Int64, floorMilliseconds: Int64) {
        self.capMilliseconds = max(1, capMilliseconds)
        self.floorMilliseconds = min(max(0, floorMilliseconds), self.capMilliseconds)
        self.baseMilliseconds = 0
        setBase(baseMilliseconds)
    }

    /// Takes a new base (the server's `ErrorDelay` can change at each handshake), kept within [floor, cap].
    mutating func setBase(_ milliseconds: Int64) {
        baseMilliseconds = min(max(milliseconds, max(1, floorMilliseconds)), capMilliseconds)
    }

    /// The upper bound of the draw after `failures` consecutive failures (≥ 1).
    func ceiling(afterFailures failures: Int) -> Int64 {
        let doublings = max(0, failures - 1)
        // base ≥ 1 ms, so 2^40 doublings already exceed any cap; avoid shifting into overflow.
        guard doublings < 40 else { return capMilliseconds }
        let (scaled, overflow) = baseMilliseconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? capMilliseconds : min(capMilliseconds, scaled)
    }

    /// Counts one more failure and returns the instant of the next try.
    mutating func recordFailure<G: RandomNumberGenerator>(now: Int64, using generator: inout G) -> Int64 {
        failures += 1
        let draw = Int64.random(in: 0...ceiling(afterFailures: failures), using: &generator)
        let at = now.uplinkAdding(max(floorMilliseconds, draw))
        retryAt = at
        return at
    }

    /// A success: the next failure starts again from the base.
    mutating func reset() {
        failures = 0
        retryAt = nil
    }

    /// Lets the next try go now (the server asked for data, or progress was made) while keeping the
    /// failure count, so a still-broken server keeps getting longer waits.
    mutating func waive() {
        retryAt = nil
    }

    /// After the wall clock jumped backwards, a deadline can sit further ahead than any wait we chose;
    /// bring it back within the longest wait the current failure count allows, so the channel is
    /// not frozen for the size of the jump (nor for the 30-minute cap after one short failure).
    mutating func repair(now: Int64) {
        let longest = max(floorMilliseconds, ceiling(afterFailures: max(1, failures)))
        if let at = retryAt, at > now.uplinkAdding(longest) {
            retryAt = now.uplinkAdding(longest)
        }
    }
}
