import Testing

@testable import HadirUplink

@Suite struct UplinkMachineHeartbeatTests {
    typealias F = UplinkFixtures

    /// A running session whose uploads wait for an hourly window, so polls are all that happens.
    private func pollingSession() -> F.Session {
        var session = F.session()
        F.connect(
            &session,
            options: F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 60
            })
        return session
    }

    @Test func firstPollAfterAHandshakeCarriesInfoAndTheNextDoesNot() {
        var session = pollingSession()
        #expect(session.state == .running(.polling(includeInfo: true)))
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        #expect(session.tick(now: F.t0 + 10 * F.second) == [.poll(includeInfo: false)])
    }

    @Test func newPunchesPutInfoOnTheNextPoll() {
        var session = pollingSession()
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        _ = session.journalAdvanced(lastSeq: 1, now: F.t0 + F.second)
        #expect(session.tick(now: F.t0 + 10 * F.second) == [.poll(includeInfo: true)])
        _ = session.pollReplied(commandsPresent: false, now: F.t0 + 10 * F.second)
        #expect(session.tick(now: F.t0 + 20 * F.second) == [.poll(includeInfo: false)])
    }

    @Test func executedCommandsPutInfoOnTheNextPoll() {
        var session = pollingSession()
        _ = session.pollReplied(commandsPresent: true, now: F.t0)
        #expect(session.tick(now: F.t0 + F.second) == [.poll(includeInfo: true)])
    }

    @Test func withoutChangesInfoComesEveryFiveMinutes() {
        var session = pollingSession()
        var now = F.t0
        var infoAt: [Int64] = [now]
        _ = session.pollReplied(commandsPresent: false, now: now)
        while now < F.t0 + 11 * F.minute {
            now += 10 * F.second
            if session.tick(now: now) == [.poll(includeInfo: true)] { infoAt.append(now) }
            _ = session.pollReplied(commandsPresent: false, now: now)
        }
        #expect(infoAt == [F.t0, F.t0 + 5 * F.minute, F.t0 + 10 * F.minute])
    }

    @Test func infoStaysOwedWhenThePollCarryingItFails() {
        var session = pollingSession()
        _ = session.pollFailed(kind: .transport, retryAfter: nil, now: F.t0)
        let retryAt = session.pollPlan.nextPollAt
        #expect(session.tick(now: retryAt) == [.poll(includeInfo: true)])
    }

    @Test func reHandshakePutsInfoOnTheFirstPollAgain() {
        var session = pollingSession()
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        _ = session.checkRequested(now: F.t0 + F.second)
        #expect(
            session.handshakeReplied(options: F.options { $0.realtime = false }, now: F.t0 + 2 * F.second) == [.poll(includeInfo: true)])
    }
}
