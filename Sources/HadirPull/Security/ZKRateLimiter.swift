/// A token bucket per client address: hostile LAN clients cannot flood the kiosk (DESIGN §7.7).
///
/// Pure: the caller passes the time, so tests need no clock.
public struct ZKRateLimiter: Sendable {
    struct Bucket: Sendable {
        var tokens: Double
        var lastNanoseconds: UInt64
    }

    public let requestsPerSecond: Double
    public let burst: Double
    var buckets: [String: Bucket] = [:]

    public init(requestsPerSecond: Double, burst: Double) {
        self.requestsPerSecond = max(0.001, requestsPerSecond)
        self.burst = max(1, burst)
    }

    /// Peers remembered at most; a flood of (spoofed) new addresses cannot grow the table further.
    public static let maximumPeers = 4096

    /// Takes one token for `peer` at `nowNanoseconds` (monotonic); false when the peer is over its rate.
    public mutating func allow(_ peer: String, nowNanoseconds: UInt64) -> Bool {
        var bucket = buckets[peer] ?? Bucket(tokens: burst, lastNanoseconds: nowNanoseconds)
        // Readings can arrive slightly out of order (taken before a lock): time never runs backwards here.
        let elapsed = nowNanoseconds > bucket.lastNanoseconds ? Double(nowNanoseconds - bucket.lastNanoseconds) / 1_000_000_000 : 0
        bucket.tokens = min(burst, bucket.tokens + elapsed * requestsPerSecond)
        bucket.lastNanoseconds = max(bucket.lastNanoseconds, nowNanoseconds)
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        buckets[peer] = bucket
        if buckets.count > Self.maximumPeers { shrink(nowNanoseconds: nowNanoseconds) }
        return allowed
    }

    /// Drops buckets that have refilled completely (they carry no state worth keeping), then, if
    /// the table is still over half full, the least recently seen peers. Runs once per
    /// `maximumPeers / 2` new peers at most, so a flood costs amortised constant time per request.
    private mutating func shrink(nowNanoseconds: UInt64) {
        buckets = buckets.filter { _, bucket in
            let idle = nowNanoseconds > bucket.lastNanoseconds ? Double(nowNanoseconds - bucket.lastNanoseconds) / 1_000_000_000 : 0
            return bucket.tokens + idle * requestsPerSecond < burst
        }
        guard buckets.count > Self.maximumPeers / 2 else { return }
        let kept = buckets.sorted { $0.value.lastNanoseconds > $1.value.lastNanoseconds }.prefix(Self.maximumPeers / 2)
        buckets = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
}
