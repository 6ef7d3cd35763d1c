import HadirCore
import Testing

@testable import HadirUplink

/// A channel that failed for want of a network goes again as soon as the server answers anything,
/// and the operator's "sync now" skips every backoff; a server-side failure keeps its wait.
@Suite struct UplinkMachineRecoveryTests {
    typealias F = UplinkFixtures

    /// A running session whose uploads failed `failures` times in a row with `kind`. A network
    /// failure takes the polls down too; a server error leaves them answered.
    private func sessionWithParkedUpload(failures: Int, kind: UplinkFailure = .transport) -> (F.Session, Int64) {
        var session = F.session(lastSeq: 5, seed: 7)
        var now = F.t0
        var actions = F.connect(&session, now: now)
        for _ in 0..<10_000 where session.consecutiveUploadFailures < failures {
            if actions.batch != nil {
                actions = session.uploadFailed(kind: kind, retryAfter: nil, now: now)
            } else if actions.pollInfo != nil {
                actions =
                    kind == .transport
                    ? session.pollFailed(kind: .transport, retryAfter: nil, now: now)
                    : session.pollReplied(commandsPresent: false, now: now)
            } else if let until = actions.waitUntil {
                now = until
                actions = session.tick(now: now)
            } else {
                Issue.record("unexpected actions \(actions)")
                break
            }
        }
        #expect(session.consecutiveUploadFailures == failures)
        #expect(!session.requestInFlight)
        return (session, now)
    }

    @Test func aPollAnsweredAfterANetworkFailureSendsTheUploadAtOnce() {
        var (session, _) = sessionWithParkedUpload(failures: 12)
        let pollAt = session.pollPlan.nextPollAt
        #expect(session.uploadBackoff.retryAt! > pollAt + F.minute, "seeded draw too short to prove anything")
        // The network is back; the poll goes first and is answered.
        #expect(session.tick(now: pollAt).pollInfo != nil)
        let afterPoll = session.pollReplied(commandsPresent: false, now: pollAt)
        #expect(afterPoll.batch == UplinkBatch(afterSeq: 0, throughSeq: 5))
        // The failure count stays, so a server that then fails for real keeps growing its waits.
        #expect(session.consecutiveUploadFailures == 12)
        _ = session.uploadSucceeded(throughSeq: 5, now: pollAt)
        #expect(session.consecutiveUploadFailures == 0)
    }

    @Test func aServerErrorKeepsItsWaitThroughAnsweredPolls() {
        var (session, now) = sessionWithParkedUpload(failures: 12, kind: .httpStatus(500))
        let retryAt = session.uploadBackoff.retryAt!
        #expect(retryAt > now + 10 * F.second, "seeded draw too short to prove anything")
        let afterPoll = F.answerPolls(&session, session.tick(now: now), now: now)
        #expect(afterPoll.batch == nil)
        #expect(session.uploadBackoff.retryAt == retryAt)
    }

    @Test func anUploadAnsweredAfterANetworkPollFailurePollsAtOnce() {
        var session = F.session(seed: 5)
        var now = F.t0
        var actions = F.connect(&session, now: now)
        for _ in 0..<10_000 where session.pollBackoff.failures < 12 {
            if actions.pollInfo != nil {
                actions = session.pollFailed(kind: .transport, retryAfter: nil, now: now)
            } else if let until = actions.waitUntil {
                now = until
                actions = session.tick(now: now)
            } else {
                Issue.record("unexpected actions \(actions)")
                break
            }
        }
        #expect(session.pollPlan.nextPollAt > now + F.minute, "seeded draw too short to prove anything")
        // A punch goes up at once, and its answer shows the network is back.
        let upload = session.journalAdvanced(lastSeq: 1, now: now)
        #expect(upload.batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
        #expect(session.uploadSucceeded(throughSeq: 1, now: now).pollInfo != nil)
    }

    @Test func reconnectingAfterAShortOutageUploadsAtOnce() {
        var (session, now) = sessionWithParkedUpload(failures: 12)
        // The periodic handshake also failed: the session is disconnected, then the server returns.
        _ = session.checkRequested(now: now)
        _ = F.answerPolls(&session, [], now: now)
        _ = session.tick(now: now)
        _ = session.handshakeFailed(reason: .transport, retryAfter: nil, now: now)
        guard case .backingOff(let until) = session.state else {
            Issue.record("expected backingOff, got \(session.state)")
            return
        }
        #expect(session.tick(now: until) == [.sendHandshake])
        let connected = F.answerPolls(&session, session.handshakeReplied(options: F.options(), now: until), now: until)
        #expect(connected.batch == UplinkBatch(afterSeq: 0, throughSeq: 5))
    }

    @Test func syncNowSkipsEveryBackoffButNotRetryAfter() {
        var (session, now) = sessionWithParkedUpload(failures: 12, kind: .httpStatus(500))
        #expect(session.uploadBackoff.retryAt! > now + 10 * F.second)
        let sync = session.syncRequested(now: now)
        #expect(sync == [.sendHandshake])
        let after = F.answerPolls(&session, session.handshakeReplied(options: F.options(), now: now), now: now)
        #expect(after.batch == UplinkBatch(afterSeq: 0, throughSeq: 5))

        var quiet = F.session(lastSeq: 1)
        F.connect(&quiet)
        _ = quiet.uploadFailed(kind: .httpStatus(503), retryAfter: .seconds(600), now: F.t0)
        #expect(quiet.syncRequested(now: F.t0 + F.minute) == [.wait(until: F.t0 + 10 * F.minute)])
    }
}
