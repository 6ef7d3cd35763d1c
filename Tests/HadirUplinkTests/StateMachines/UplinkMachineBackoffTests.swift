import HadirCore
import Testing

@testable import HadirUplink

@Suite struct UplinkMachineBackoffTests {
    typealias F = UplinkFixtures

    @Test func ceilingDoublesFromTheBaseAndStopsAtTheCap() {
        let backoff = UplinkBackoff(baseMilliseconds: 30_000, capMilliseconds: 1_800_000, floorMilliseconds: 1000)
        let ceilings = (1...8).map { backoff.ceiling(afterFailures: $0) }
        #expect(ceilings == [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000])
        #expect(backoff.ceiling(afterFailures: 1_000_000) == 1_800_000)
    }

    @Test func fullJitterStaysWithinFloorAndCeilingAndCoversTheRange() {
        var generator = SplitMix64(seed: 42)
        var backoff = UplinkBackoff(baseMilliseconds: 30_000, capMilliseconds: 1_800_000, floorMilliseconds: 1000)
        var cappedDraws: [Int64] = []
        for _ in 0..<5000 {
            let wait = backoff.recordFailure(now: F.t0, using: &generator) - F.t0
            let ceiling = backoff.ceiling(afterFailures: backoff.failures)
            #expect(wait >= 1000 && wait <= ceiling)
            if ceiling == 1_800_000 { cappedDraws.append(wait) }
        }
        // Full jitter: draws reach both ends of [0, cap], not just "cap ± a bit".
        #expect(cappedDraws.min()! < 90_000)
        #expect(cappedDraws.max()! > 1_710_000)
        let mean = cappedDraws.reduce(0, +) / Int64(cappedDraws.count)
        #expect((800_000...1_000_000).contains(mean))
    }

    @Test func aBackwardClockJumpKeepsTheWaitItWasGivenNotTheCap() {
        // Found by `make soak`: after one failure (a ≤ 30 s wait) the wall clock jumped back 2.5
        // days and the repaired deadline became the 30-minute cap, stalling delivery.
        var generator = SplitMix64(seed: 7)
        var backoff = UplinkBackoff(baseMilliseconds: 30_000, capMilliseconds: 1_800_000, floorMilliseconds: 1000)
        _ = backoff.recordFailure(now: F.t0, using: &generator)
        let jumped = F.t0 - 216_000_000
        backoff.repair(now: jumped)
        let wait = (backoff.retryAt ?? .max) - jumped
        #expect(wait <= 30_000)
        // After more failures the bound grows with them, still below the cap.
        for _ in 0..<3 { _ = backoff.recordFailure(now: F.t0, using: &generator) }
        backoff.repair(now: jumped)
        #expect((backoff.retryAt ?? .max) - jumped <= 240_000)
    }

    @Test func successResetsTheBackoff() {
        var session = F.session(lastSeq: 1)
        var now = F.t0
        var actions = F.connect(&session, now: now)
        for _ in 0..<10 {
            #expect(actions.batch != nil)
            // A 500, not a network failure: a poll answering in between would waive that wait.
            actions = F.answerPolls(&session, session.uploadFailed(kind: .httpStatus(500), retryAfter: nil, now: now), now: now)
            now = session.uploadBackoff.retryAt!
            actions = F.answerPolls(&session, session.tick(now: now), now: now)
        }
        #expect(session.consecutiveUploadFailures == 10)
        _ = F.answerPolls(&session, session.uploadSucceeded(throughSeq: 1, now: now), now: now)
        #expect(session.consecutiveUploadFailures == 0)

        #expect(F.answerPolls(&session, session.journalAdvanced(lastSeq: 2, now: now), now: now).batch != nil)
        _ = session.uploadFailed(kind: .transport, retryAfter: nil, now: now)
        #expect(session.uploadBackoff.retryAt! - now <= 30 * F.second)
    }

    @Test func retryAfterIsNeverUndercut() {
        var session = F.session(lastSeq: 1)
        F.connect(&session)
        let failed = session.uploadFailed(kind: .httpStatus(503), retryAfter: .seconds(1200), now: F.t0)
        // Not even a poll before the server's Retry-After.
        #expect(failed == [.wait(until: F.t0 + 20 * F.minute)])
        #expect(session.tick(now: F.t0 + 20 * F.minute - 1) == [.wait(until: F.t0 + 20 * F.minute)])
        #expect(session.logRequested(now: F.t0 + 10 * F.minute) == [.wait(until: F.t0 + 20 * F.minute)])
        #expect(!session.tick(now: F.t0 + 20 * F.minute).requests.isEmpty)
    }

    @Test func retryAfterHoldsTheHandshakeToo() {
        var session = F.session()
        _ = session.start(now: F.t0)
        #expect(session.handshakeFailed(reason: .httpStatus(503), retryAfter: .seconds(3600), now: F.t0) == [.wait(until: F.t0 + F.hour)])
        #expect(session.checkRequested(now: F.t0 + F.minute) == [.wait(until: F.t0 + F.hour)])
        #expect(session.tick(now: F.t0 + F.hour) == [.sendHandshake])
    }

    @Test func retryAfterBeyondTheLimitIsClamped() {
        var session = F.session(lastSeq: 1)
        F.connect(&session)
        let failed = session.uploadFailed(kind: .httpStatus(503), retryAfter: .seconds(30 * 86_400), now: F.t0)
        #expect(failed == [.wait(until: F.t0 + 6 * F.hour)])
    }

    @Test func handshakeFailureBacksOffThenHandshakesAgain() {
        var session = F.session()
        _ = session.start(now: F.t0)
        let actions = session.handshakeFailed(reason: .notOK("UNKNOWN DEVICE"), retryAfter: nil, now: F.t0)
        guard case .backingOff(let until) = session.state else {
            Issue.record("expected backingOff, got \(session.state)")
            return
        }
        #expect(actions == [.wait(until: until)])
        #expect(until >= F.t0 + F.second && until <= F.t0 + 30 * F.second)
        #expect(session.tick(now: until - 1) == [.wait(until: until)])
        #expect(session.tick(now: until) == [.sendHandshake])
    }

    @Test func repeatedHandshakeFailuresGrowTheWaitUpToTheCap() {
        var session = F.session(seed: 3)
        var now = F.t0
        _ = session.start(now: now)
        var waits: [Int64] = []
        for _ in 0..<200 {
            _ = session.handshakeFailed(reason: .transport, retryAfter: nil, now: now)
            guard case .backingOff(let until) = session.state else { break }
            waits.append(until - now)
            now = until
            #expect(session.tick(now: now) == [.sendHandshake])
        }
        #expect(waits.count == 200)
        #expect(waits.allSatisfy { $0 >= F.second && $0 <= 30 * F.minute })
        #expect(waits.prefix(1).allSatisfy { $0 <= 30 * F.second })
        #expect(waits.suffix(100).max()! > 20 * F.minute)
    }

    @Test func serverErrorDelayIsTheBaseUnlessConfigured() {
        var session = F.session(lastSeq: 1)
        F.connect(&session, options: F.options { $0.errorDelaySeconds = 120 })
        #expect(session.uploadBackoff.baseMilliseconds == 120 * F.second)

        var configuration = UplinkConfiguration()
        configuration.backoffBase = .seconds(5)
        var configured = F.session(configuration, lastSeq: 1)
        F.connect(&configured, options: F.options { $0.errorDelaySeconds = 120 })
        #expect(configured.uploadBackoff.baseMilliseconds == 5 * F.second)

        var silly = F.session(lastSeq: 1)
        F.connect(&silly, options: F.options { $0.errorDelaySeconds = 0 })
        #expect(silly.uploadBackoff.baseMilliseconds == F.second)
        var huge = F.session(lastSeq: 1)
        F.connect(&huge, options: F.options { $0.errorDelaySeconds = Int.max })
        #expect(huge.uploadBackoff.baseMilliseconds == 30 * F.minute)
    }

    @Test func refusedDeviceHandshakesAgainAfterTheBackoff() {
        var session = F.session(lastSeq: 1)
        F.connect(&session)
        _ = session.uploadFailed(kind: .httpStatus(403), retryAfter: nil, now: F.t0)
        guard case .backingOff(let until) = session.state else {
            Issue.record("expected backingOff, got \(session.state)")
            return
        }
        #expect(session.tick(now: until) == [.sendHandshake])
        // The upload's own failure count survives the handshake, so an unapproved device backs off further.
        #expect(session.handshakeReplied(options: F.options(), now: until).batch != nil)
        #expect(session.consecutiveUploadFailures == 1)
    }

    @Test func uploadFailuresDoNotStopPolling() {
        var session = F.session(lastSeq: 1)
        F.connect(&session)
        #expect(session.uploadFailed(kind: .httpStatus(500), retryAfter: nil, now: F.t0).pollInfo == true)
        let retryAt = session.uploadBackoff.retryAt!
        let afterPoll = session.pollReplied(commandsPresent: false, now: F.t0)
        #expect(afterPoll == [.wait(until: min(retryAt, F.t0 + 10 * F.second))])
    }

    @Test func pollFailuresBackOffPollingOnly() {
        var session = F.session()
        F.connect(&session)
        _ = session.pollFailed(kind: .transport, retryAfter: nil, now: F.t0)
        let pollAt = session.pollPlan.nextPollAt
        #expect(pollAt >= F.t0 + F.second && pollAt <= F.t0 + 30 * F.second)
        // A punch still goes up at once.
        #expect(session.journalAdvanced(lastSeq: 1, now: F.t0 + 1).batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
    }

    @Test func logCutsAnUploadBackoffShort() {
        var session = F.session(lastSeq: 1)
        F.connect(&session)
        _ = F.answerPolls(&session, session.uploadFailed(kind: .httpStatus(500), retryAfter: nil, now: F.t0), now: F.t0)
        #expect(session.logRequested(now: F.t0 + 1).batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
    }

    @Test func clockJumpingBackwardsDoesNotFreezeTheSession() {
        var session = F.session()
        _ = session.start(now: F.t0 + F.day)
        _ = session.handshakeFailed(reason: .transport, retryAfter: nil, now: F.t0 + F.day)
        // The clock is set back a day (no RTC battery, bad NTP): the wait is re-bounded by the cap.
        let actions = session.tick(now: F.t0)
        #expect(actions.waitUntil.map { $0 <= F.t0 + 30 * F.minute } == true)

        var running = F.session()
        F.connect(&running, now: F.t0 + F.day)
        _ = running.pollReplied(commandsPresent: false, now: F.t0 + F.day)
        #expect(running.tick(now: F.t0) == [.wait(until: F.t0 + 10 * F.second)])
    }
}
