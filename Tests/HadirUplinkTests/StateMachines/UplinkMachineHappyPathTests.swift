import Testing

@testable import HadirUplink

@Suite struct UplinkMachineHappyPathTests {
    typealias F = UplinkFixtures

    @Test func handshakeThenOptionsThenUploadThenPollWithInfo() {
        var session = F.session(lastSeq: 3)
        #expect(session.start(now: F.t0) == [.sendHandshake])
        #expect(session.state == .handshaking)

        let options = F.options {
            $0.pushOptionsRequested = true
            $0.pushOptionKeys = ["FingerFunOn", "FaceFunOn"]
        }
        #expect(session.handshakeReplied(options: options, now: F.t0 + 100) == [.uploadOptions(keys: ["FingerFunOn", "FaceFunOn"])])
        #expect(session.state == .uploadingOptions)

        let batch = UplinkBatch(afterSeq: 0, throughSeq: 3)
        #expect(session.optionsUploaded(now: F.t0 + 200) == [.uploadBatch(batch)])
        #expect(batch.limit == 3 && batch.stamp == 3)

        #expect(session.uploadSucceeded(throughSeq: 3, now: F.t0 + 300) == [.setCursor(3), .poll(includeInfo: true)])
        #expect(session.ackedSeq == 3)

        // Nothing left: the next poll is Delay (10 s) after this one answered.
        #expect(session.pollReplied(commandsPresent: false, now: F.t0 + 400) == [.wait(until: F.t0 + 400 + 10 * F.second)])
        #expect(session.state == .running(.waiting))
    }

    @Test func handshakeWithoutPushOptionsGoesStraightToRunning() {
        var session = F.session()
        _ = session.start(now: F.t0)
        #expect(session.handshakeReplied(options: F.options(), now: F.t0) == [.poll(includeInfo: true)])
    }

    @Test func nextPollFollowsTheServerDelay() {
        var session = F.session()
        F.connect(&session, options: F.options { $0.delaySeconds = 30 })
        #expect(session.pollReplied(commandsPresent: false, now: F.t0) == [.wait(until: F.t0 + 30 * F.second)])
        #expect(session.tick(now: F.t0 + 29 * F.second) == [.wait(until: F.t0 + 30 * F.second)])
        #expect(session.tick(now: F.t0 + 30 * F.second) == [.poll(includeInfo: false)])
    }

    @Test func pollIsOneSecondAfterAPollThatReturnedCommands() {
        var session = F.session()
        F.connect(&session)
        #expect(session.pollReplied(commandsPresent: true, now: F.t0) == [.wait(until: F.t0 + F.second)])
        #expect(session.tick(now: F.t0 + F.second).pollInfo != nil)
    }

    @Test func serverDelayIsKeptWithinBounds() {
        var session = F.session()
        F.connect(&session, options: F.options { $0.delaySeconds = 0 })
        #expect(session.pollReplied(commandsPresent: false, now: F.t0) == [.wait(until: F.t0 + 2 * F.second)])

        var slow = F.session()
        F.connect(&slow, options: F.options { $0.delaySeconds = 86_400 })
        #expect(slow.pollReplied(commandsPresent: false, now: F.t0) == [.wait(until: F.t0 + 300 * F.second)])
    }

    @Test func repliesToNoRequestChangeNothing() {
        var session = F.session()
        #expect(session.uploadSucceeded(throughSeq: 5, now: F.t0) == [])
        #expect(session.handshakeReplied(options: F.options(), now: F.t0) == [])
        #expect(session.state == .idle)

        F.connect(&session)  // a poll is in flight
        #expect(session.uploadSucceeded(throughSeq: 5, now: F.t0 + 1) == [])
        #expect(session.uploadFailed(kind: .transport, retryAfter: nil, now: F.t0 + 1) == [])
        #expect(session.ackedSeq == 0)
        #expect(session.state == .running(.polling(includeInfo: true)))
    }

    @Test func startTwiceSendsOneHandshake() {
        var session = F.session()
        #expect(session.start(now: F.t0) == [.sendHandshake])
        #expect(session.start(now: F.t0) == [])
    }

    @Test func punchesWhileARequestIsInFlightWaitForItsReply() {
        var session = F.session()
        F.connect(&session)  // poll in flight
        #expect(session.journalAdvanced(lastSeq: 2, now: F.t0 + 1) == [])
        #expect(session.pollReplied(commandsPresent: false, now: F.t0 + 2) == [.uploadBatch(UplinkBatch(afterSeq: 0, throughSeq: 2))])
    }

    @Test func driverHappyPathDeliversEverySeqOnceInOrder() {
        var driver = UplinkDriver(session: F.session(lastSeq: 1200))
        driver.start()
        driver.run(until: F.t0 + F.hour, punchTimes: (1...50).map { F.t0 + Int64($0) * F.minute }) { request, _ in
            switch request {
            case .sendHandshake: .handshake(F.options())
            case .uploadOptions: .optionsOK
            case .uploadBatch: .uploadOK
            default: .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.delivered == Array(1...1250))
        #expect(driver.persistedCursor == 1250)
    }
}
