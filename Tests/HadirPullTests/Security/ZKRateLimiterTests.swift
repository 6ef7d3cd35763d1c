import Testing

@testable import HadirPull

/// The per-peer token bucket: burst, refusal, refill, independence, a bounded table.
struct ZKRateLimiterTests {
    static let second: UInt64 = 1_000_000_000

    @Test func aFreshPeerGetsTheBurstThenIsRefused() {
        var limiter = ZKRateLimiter(requestsPerSecond: 1, burst: 5)
        for index in 0..<5 { #expect(limiter.allow("10.0.0.1", nowNanoseconds: 7 * Self.second) == true, "request \(index)") }
        #expect(limiter.allow("10.0.0.1", nowNanoseconds: 7 * Self.second) == false)
        #expect(limiter.allow("10.0.0.1", nowNanoseconds: 7 * Self.second) == false)
    }

    @Test func tokensRefillAtTheConfiguredRate() {
        var limiter = ZKRateLimiter(requestsPerSecond: 2, burst: 3)
        let start = 100 * Self.second
        for _ in 0..<3 { _ = limiter.allow("p", nowNanoseconds: start) }
        #expect(limiter.allow("p", nowNanoseconds: start) == false)
        // 2 per second: half a second buys one request.
        #expect(limiter.allow("p", nowNanoseconds: start + Self.second / 4) == false)
        #expect(limiter.allow("p", nowNanoseconds: start + Self.second / 2) == true)
        #expect(limiter.allow("p", nowNanoseconds: start + Self.second / 2) == false)
        #expect(limiter.allow("p", nowNanoseconds: start + Self.second) == true)
        #expect(limiter.allow("p", nowNanoseconds: start + Self.second) == false)
    }

    @Test func refillStopsAtTheBurst() {
        var limiter = ZKRateLimiter(requestsPerSecond: 10, burst: 4)
        _ = limiter.allow("p", nowNanoseconds: 0)
        // An hour of silence still buys only the burst.
        let later = 3_600 * Self.second
        for _ in 0..<4 { #expect(limiter.allow("p", nowNanoseconds: later) == true) }
        #expect(limiter.allow("p", nowNanoseconds: later) == false)
    }

    @Test func aSteadyClientAtTheRateIsNeverRefused() {
        var limiter = ZKRateLimiter(requestsPerSecond: 20, burst: 2)
        for step in UInt64(0)..<2_000 {
            #expect(limiter.allow("p", nowNanoseconds: step * Self.second / 20) == true, "step \(step)")
        }
    }

    @Test func aClientAboveTheRateGetsExactlyTheRate() {
        var limiter = ZKRateLimiter(requestsPerSecond: 50, burst: 10)
        var allowed = 0
        // 1,000 requests per second for 10 seconds.
        for step in UInt64(0)..<10_000 where limiter.allow("p", nowNanoseconds: step * Self.second / 1_000) { allowed += 1 }
        #expect(allowed >= 10 + 495 && allowed <= 10 + 500, "\(allowed)")
    }

    @Test func peersAreIndependent() {
        var limiter = ZKRateLimiter(requestsPerSecond: 1, burst: 2)
        for _ in 0..<2 { _ = limiter.allow("10.0.0.1", nowNanoseconds: 0) }
        #expect(limiter.allow("10.0.0.1", nowNanoseconds: 0) == false)
        #expect(limiter.allow("10.0.0.2", nowNanoseconds: 0) == true)
        #expect(limiter.allow("10.0.0.2", nowNanoseconds: 0) == true)
        #expect(limiter.allow("10.0.0.2", nowNanoseconds: 0) == false)
        #expect(limiter.allow("::1", nowNanoseconds: 0) == true)
        #expect(limiter.allow("10.0.0.1", nowNanoseconds: 0) == false)
    }

    @Test func absurdSettingsAreClamped() {
        let limiter = ZKRateLimiter(requestsPerSecond: 0, burst: 0)
        #expect(limiter.requestsPerSecond > 0)
        #expect(limiter.burst == 1)
        var zero = limiter
        #expect(zero.allow("p", nowNanoseconds: 0) == true)
        #expect(zero.allow("p", nowNanoseconds: Self.second) == false)
        let negative = ZKRateLimiter(requestsPerSecond: -5, burst: -5)
        #expect(negative.requestsPerSecond > 0)
        #expect(negative.burst == 1)
    }

    @Test func manyPeersOverTimeKeepTheTableBounded() {
        var limiter = ZKRateLimiter(requestsPerSecond: 10, burst: 5)
        var largest = 0
        // 100,000 distinct peers, one request each, a millisecond apart: a scan of the LAN.
        for index in 0..<100_000 {
            _ = limiter.allow("10.\(index >> 16 & 0xFF).\(index >> 8 & 0xFF).\(index & 0xFF)", nowNanoseconds: UInt64(index) * 1_000_000)
            largest = max(largest, limiter.buckets.count)
        }
        #expect(largest <= 4_097)
        // A peer forgotten after refilling completely comes back with a full burst, as if never seen.
        var fresh = 0
        while limiter.allow("10.0.0.0", nowNanoseconds: 100_000 * 1_000_000) { fresh += 1 }
        #expect(fresh == 5)
    }

    @Test func forgettingRefilledPeersKeepsTheirLimits() {
        var limiter = ZKRateLimiter(requestsPerSecond: 1, burst: 3)
        // Enough peers to trigger the sweep; ten seconds later they have all refilled.
        for index in 0..<4_100 { _ = limiter.allow("idle-\(index)", nowNanoseconds: 0) }
        let later = 10 * Self.second
        for _ in 0..<3 { #expect(limiter.allow("busy", nowNanoseconds: later) == true) }
        #expect(limiter.buckets.count <= ZKRateLimiter.maximumPeers, "the table stays bounded")
        #expect(limiter.allow("busy", nowNanoseconds: later) == false, "the sweep must not refill a busy peer")
    }

    @Test func aFloodOfNewPeersAtOnceKeepsTheTableBounded() {
        // Spoofed UDP sources: every request from a new address within one refill period. None of
        // their buckets is full, so the sweep must also drop the least recently seen peers.
        var limiter = ZKRateLimiter(requestsPerSecond: 10, burst: 5)
        for index in 0..<5_000 {
            _ = limiter.allow("spoofed-\(index)", nowNanoseconds: Self.second + UInt64(index))
        }
        #expect(limiter.buckets.count <= 4_097)
    }

    @Test func aClockReadingSlightlyInThePastGrantsNoTokens() {
        // RateLimiterBox reads the clock before taking its lock, so two connections from one
        // peer can hand the limiter readings out of order.
        var limiter = ZKRateLimiter(requestsPerSecond: 1, burst: 2)
        let now = 50 * Self.second
        #expect(limiter.allow("p", nowNanoseconds: now) == true)
        #expect(limiter.allow("p", nowNanoseconds: now) == true)
        #expect(limiter.allow("p", nowNanoseconds: now) == false)
        #expect(limiter.allow("p", nowNanoseconds: now - 1) == false)
        #expect(limiter.allow("p", nowNanoseconds: now - 1) == false)
    }
}
