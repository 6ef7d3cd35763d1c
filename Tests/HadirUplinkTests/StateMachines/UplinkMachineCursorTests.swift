import Testing

@testable import HadirUplink

@Suite struct UplinkMachineCursorTests {
    typealias F = UplinkFixtures

    /// A running session with `acked` acknowledged of `last`, nothing in flight after `connect`.
    private func connected(
        acked: Int64, last: Int64, retainedFrom: Int64 = 1, stamp: ADMSStamp, legacy: Bool = false
    ) -> (F.Session, [UplinkAction]) {
        var configuration = UplinkConfiguration()
        configuration.legacyStamps = legacy
        var session = F.session(configuration, ackedSeq: acked, lastSeq: last, retainedFromSeq: retainedFrom)
        let actions = F.connect(&session, options: F.options { $0.attlogStamp = stamp })
        return (session, actions)
    }

    @Test func cursorAdvancesOnlyOnAnExplicitSuccess() {
        var failures: [UplinkFailure] = [.transport, .httpStatus(500), .httpStatus(503), .tooLarge, .notOK("FAIL"), .httpStatus(403)]
        var driver = UplinkDriver(session: F.session(lastSeq: 10))
        driver.start()
        driver.run(until: F.t0 + F.day) { request, _ in
            switch request {
            case .sendHandshake: return .handshake(F.options())
            case .uploadBatch: return failures.isEmpty ? .uploadOK : .uploadFailure(failures.removeFirst())
            default: return .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        let uploads = driver.requests.compactMap { if case .uploadBatch(let batch) = $0.action { batch } else { nil } }
        // The six refused batches all restarted at seq 1; only then did the cursor move.
        #expect(uploads.prefix(7).allSatisfy { $0.afterSeq == 0 })
        #expect(driver.delivered == Array(1...10))
        #expect(driver.persistedCursor == 10)
    }

    @Test func successIsClippedToTheBatchSent() {
        var session = F.session(lastSeq: 10)
        #expect(F.connect(&session).batch == UplinkBatch(afterSeq: 0, throughSeq: 10))
        // A shell bug reporting more than was sent cannot ack unsent records.
        #expect(session.uploadSucceeded(throughSeq: 99, now: F.t0).cursor == 10)
        #expect(session.ackedSeq == 10)
    }

    @Test func batchesStartRightAfterTheCursorAndNeverOverlap() {
        var configuration = UplinkConfiguration()
        configuration.maxBatch = 4
        var session = F.session(configuration, ackedSeq: 2, lastSeq: 11)
        var actions = F.connect(&session)
        var seen: [UplinkBatch] = []
        while true {
            if let batch = actions.batch {
                seen.append(batch)
                actions = session.uploadSucceeded(throughSeq: batch.throughSeq, now: F.t0)
            } else if actions.pollInfo != nil {
                // Uploads and polls take turns when both are due.
                actions = session.pollReplied(commandsPresent: false, now: F.t0)
            } else {
                break
            }
        }
        #expect(
            seen == [
                UplinkBatch(afterSeq: 2, throughSeq: 6), UplinkBatch(afterSeq: 6, throughSeq: 10),
                UplinkBatch(afterSeq: 10, throughSeq: 11),
            ])
    }

    @Test func stampZeroReplaysEverythingRetained() {
        let (session, actions) = connected(acked: 100, last: 120, retainedFrom: 41, stamp: .number(0))
        #expect(actions.prefix(2) == [.setCursor(40), .alert(.cursorRewound(fromSeq: 100, toSeq: 40, stamp: .number(0)))])
        #expect(actions.batch?.afterSeq == 40)
        #expect(session.ackedSeq == 40)
    }

    @Test func stampZeroWithNothingPrunedReplaysFromTheFirstPunch() {
        let (_, actions) = connected(acked: 7, last: 7, stamp: .number(0))
        #expect(actions.cursor == 0)
        #expect(actions.batch == UplinkBatch(afterSeq: 0, throughSeq: 7))
    }

    @Test func stampBelowTheCursorRewindsToIt() {
        let (session, actions) = connected(acked: 100, last: 100, stamp: .number(60))
        #expect(actions.prefix(2) == [.setCursor(60), .alert(.cursorRewound(fromSeq: 100, toSeq: 60, stamp: .number(60)))])
        #expect(actions.batch == UplinkBatch(afterSeq: 60, throughSeq: 100))
        #expect(session.ackedSeq == 60)
    }

    @Test func rewindBelowRetentionStopsAtTheOldestRetainedRecord() {
        let (_, actions) = connected(acked: 100, last: 100, retainedFrom: 81, stamp: .number(60))
        #expect(actions.cursor == 80)
        #expect(actions.contains(.alert(.cursorRewound(fromSeq: 100, toSeq: 80, stamp: .number(60)))))
    }

    @Test(arguments: [ADMSStamp.number(100), .number(101), .number(9999), .number(1_735_689_600), .number(-5), .absent, .other("abc")])
    func stampsAtOrAboveTheCursorAndOthersAreInformational(stamp: ADMSStamp) {
        let (session, actions) = connected(acked: 100, last: 100, stamp: stamp)
        #expect(actions.cursor == nil)
        #expect(!actions.contains { if case .alert = $0 { true } else { false } })
        #expect(session.ackedSeq == 100)
        #expect(actions == [.poll(includeInfo: true)])
    }

    @Test func noneStampIsInformationalForModernServers() {
        let (session, actions) = connected(acked: 100, last: 100, retainedFrom: 1, stamp: .none)
        #expect(actions.cursor == nil)
        #expect(session.ackedSeq == 100)
    }

    @Test func noneStampReplaysForLegacyServers() {
        let (session, actions) = connected(acked: 100, last: 100, retainedFrom: 51, stamp: .none, legacy: true)
        #expect(actions.cursor == 50)
        #expect(actions.contains(.alert(.cursorRewound(fromSeq: 100, toSeq: 50, stamp: .none))))
        #expect(session.ackedSeq == 50)
    }

    @Test func replayAfterPruningStartsAtTheNewOldestRecord() {
        var session = F.session(ackedSeq: 100, lastSeq: 100)
        _ = session.journalPruned(retainedFromSeq: 91, now: F.t0)
        #expect(session.retainedFromSeq == 91)
        let actions = F.connect(&session, options: F.options { $0.attlogStamp = .number(0) })
        #expect(actions.cursor == 90)
    }

    @Test func checkRehandshakesAfterTheCurrentRequestAndAppliesANewStamp() {
        var session = F.session(lastSeq: 5)
        #expect(F.connect(&session).batch != nil)
        // CHECK arrives (the shell learned it from a poll) while the upload is in flight.
        #expect(session.checkRequested(now: F.t0) == [])
        #expect(session.uploadSucceeded(throughSeq: 5, now: F.t0 + 1) == [.setCursor(5), .sendHandshake])
        // The server restored a backup: it last saw seq 2.
        let actions = session.handshakeReplied(options: F.options { $0.attlogStamp = .number(2) }, now: F.t0 + 2)
        #expect(actions.cursor == 2)
        #expect(actions.batch == UplinkBatch(afterSeq: 2, throughSeq: 5))
    }

    @Test func checkSendsPendingRecordsEvenWhenTheServerIsNotRealtime() {
        var session = F.session()
        F.connect(
            &session,
            options: F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 60
            })
        _ = session.pollReplied(commandsPresent: true, now: F.t0)
        #expect(session.journalAdvanced(lastSeq: 3, now: F.t0 + 10).batch == nil)
        #expect(session.checkRequested(now: F.t0 + 20) == [.sendHandshake])
        let actions = session.handshakeReplied(
            options: F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 60
            }, now: F.t0 + 30)
        #expect(actions.batch == UplinkBatch(afterSeq: 0, throughSeq: 3))
    }

    @Test func checkDuringAHandshakeDoesNotQueueASecondOne() {
        var session = F.session()
        _ = session.start(now: F.t0)
        #expect(session.checkRequested(now: F.t0) == [])
        #expect(!session.handshakeReplied(options: F.options(), now: F.t0).sendsHandshake)
    }

    @Test func stampsAboveInt32AreOmitted() {
        let batch = UplinkBatch(afterSeq: Int64(Int32.max) - 1, throughSeq: Int64(Int32.max) + 1)
        #expect(batch.stamp == nil)
        #expect(UplinkBatch(afterSeq: 0, throughSeq: Int64(Int32.max)).stamp == Int64(Int32.max))
    }
}
