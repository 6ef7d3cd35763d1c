import Testing

@testable import HadirUplink

@Suite struct UplinkMachineBatchTests {
    typealias F = UplinkFixtures

    /// Serves the session with a server that answers uploads through `upload`; everything else succeeds.
    private func drive(
        _ session: F.Session, until end: Int64 = F.t0 + F.day, upload: @escaping (UplinkBatch) -> UplinkDriver.Reply
    ) -> UplinkDriver {
        var driver = UplinkDriver(session: session)
        driver.start()
        driver.run(until: end) { request, _ in
            switch request {
            case .sendHandshake: return .handshake(F.options())
            case .uploadBatch(let batch): return upload(batch)
            default: return .pollOK(commands: false)
            }
        }
        return driver
    }

    @Test func refusalHalvesTheBatchAtOnceDownToOne() {
        var session = F.session(lastSeq: 1000)
        var actions = F.connect(&session)
        var sizes: [Int] = []
        while let batch = actions.batch {
            sizes.append(batch.limit)
            #expect(batch.afterSeq == 0)
            if batch.limit == 1 { break }
            // No wait in between: the server answered, the batch was the problem.
            actions = F.answerPolls(&session, session.uploadFailed(kind: .notOK("FAIL"), retryAfter: nil, now: F.t0), now: F.t0)
        }
        #expect(sizes == [500, 250, 125, 62, 31, 15, 7, 3, 1])
    }

    @Test func batchGrowsBackByDoublingUpToTheMaximum() {
        var session = F.session(lastSeq: 100_000)
        var actions = F.connect(&session)
        for _ in 0..<8 {
            actions = F.answerPolls(&session, session.uploadFailed(kind: .tooLarge, retryAfter: nil, now: F.t0), now: F.t0)
        }
        #expect(session.batchSize == 1)
        var sizes: [Int] = []
        while let batch = actions.batch, sizes.count < 12 {
            sizes.append(batch.limit)
            actions = F.answerPolls(&session, session.uploadSucceeded(throughSeq: batch.throughSeq, now: F.t0), now: F.t0)
        }
        #expect(sizes == [1, 2, 4, 8, 16, 32, 64, 128, 256, 500, 500, 500])
    }

    @Test func http413ShrinksImmediately() {
        var session = F.session(lastSeq: 1000)
        F.connect(&session)
        let actions = F.answerPolls(&session, session.uploadFailed(kind: .httpStatus(413), retryAfter: nil, now: F.t0), now: F.t0)
        #expect(actions.batch == UplinkBatch(afterSeq: 0, throughSeq: 250))
        #expect(session.consecutiveUploadFailures == 0)
    }

    // A network failure keeps the batch too, but the poll answered here would end its wait
    // (UplinkMachineRecoveryTests).
    @Test(arguments: [UplinkFailure.httpStatus(500), .httpStatus(502), .httpStatus(503), .httpStatus(429)])
    func serverErrorsBackOffAndKeepTheBatch(failure: UplinkFailure) {
        var session = F.session(lastSeq: 1000)
        F.connect(&session)
        let actions = F.answerPolls(&session, session.uploadFailed(kind: failure, retryAfter: nil, now: F.t0), now: F.t0)
        #expect(actions.batch == nil)
        #expect(session.batchSize == 500)
        let retryAt = session.uploadBackoff.retryAt!
        #expect(F.answerPolls(&session, session.tick(now: retryAt), now: retryAt).batch == UplinkBatch(afterSeq: 0, throughSeq: 500))
    }

    @Test func refusalOfAPartialBatchShrinksBelowWhatWasSent() {
        var session = F.session(lastSeq: 3)
        #expect(F.connect(&session).batch?.limit == 3)
        let actions = F.answerPolls(&session, session.uploadFailed(kind: .notOK("FAIL"), retryAfter: nil, now: F.t0), now: F.t0)
        #expect(actions.batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
    }

    @Test func recordRefusedFiveTimesAloneIsQuarantinedAndTheQueueMovesOn() {
        var refusalsOfSeven = 0
        let driver = drive(F.session(lastSeq: 20)) { batch in
            guard (batch.afterSeq + 1...batch.throughSeq).contains(7) else { return .uploadOK }
            if batch.limit == 1 { refusalsOfSeven += 1 }
            return .uploadFailure(.notOK("FAIL"))
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(refusalsOfSeven == 5)
        #expect(driver.quarantined == [7])
        #expect(driver.delivered == Array(1...6) + Array(8...20))
        #expect(driver.persistedCursor == 20)
    }

    @Test func quarantineEmitsRecordThenAlertThenCursorThenTheNextBatch() {
        var session = F.session(lastSeq: 2)
        var now = F.t0
        var actions = F.connect(&session, now: now)
        actions = F.answerPolls(&session, session.uploadFailed(kind: .notOK("FAIL"), retryAfter: nil, now: now), now: now)
        #expect(actions.batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
        for _ in 1..<5 {
            _ = F.answerPolls(&session, session.uploadFailed(kind: .notOK("FAIL"), retryAfter: nil, now: now), now: now)
            now = session.uploadBackoff.retryAt!
            #expect(F.answerPolls(&session, session.tick(now: now), now: now).batch == UplinkBatch(afterSeq: 0, throughSeq: 1))
        }
        let reason = "reply without OK: FAIL: duplicate"
        let quarantined = session.uploadFailed(kind: .notOK("FAIL: duplicate"), retryAfter: nil, now: now)
        #expect(
            quarantined == [
                .quarantine(seq: 1, reason: reason, tries: 5),
                .alert(.recordQuarantined(seq: 1, tries: 5, reason: reason)),
                .setCursor(1),
                .uploadBatch(UplinkBatch(afterSeq: 1, throughSeq: 2)),
            ])
        #expect(session.ackedSeq == 1)
    }

    @Test func quarantineThresholdIsConfigurable() {
        var configuration = UplinkConfiguration()
        configuration.quarantineAfter = 2
        var tries = 0
        let driver = drive(F.session(configuration, lastSeq: 1)) { _ in
            tries += 1
            return .uploadFailure(.notOK("ERROR"))
        }
        #expect(tries == 2)
        #expect(driver.quarantined == [1])
    }

    @Test func failuresOfOtherKindsDoNotResetTheRefusalCount() {
        var replies: [UplinkDriver.Reply] = [
            .uploadFailure(.notOK("FAIL")), .uploadFailure(.transport), .uploadFailure(.notOK("FAIL")), .uploadFailure(.httpStatus(500)),
            .uploadFailure(.notOK("FAIL")), .uploadFailure(.notOK("FAIL")), .uploadFailure(.transport), .uploadFailure(.notOK("FAIL")),
        ]
        let driver = drive(F.session(lastSeq: 1)) { _ in replies.isEmpty ? .uploadOK : replies.removeFirst() }
        #expect(replies.isEmpty)
        #expect(driver.quarantined == [1])
    }

    @Test func tooLargeOnASingleRecordNeverQuarantines() {
        let driver = drive(F.session(lastSeq: 3)) { batch in
            batch.afterSeq == 0 ? .uploadFailure(.httpStatus(413)) : .uploadOK
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.quarantined.isEmpty)
        #expect(driver.persistedCursor == 0)
        #expect(driver.session.batchSize == 1)
    }

    @Test func serverRefusingSeveralRecordsInARowStillNeverBlocksTheQueue() {
        let poison: Set<Int64> = [3, 4, 5, 9]
        let driver = drive(F.session(lastSeq: 12)) { batch in
            poison.isDisjoint(with: (batch.afterSeq + 1)...batch.throughSeq) ? .uploadOK : .uploadFailure(.notOK("FAIL"))
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.quarantined == [3, 4, 5, 9])
        #expect(driver.delivered == [1, 2, 6, 7, 8, 10, 11, 12])
    }
}
