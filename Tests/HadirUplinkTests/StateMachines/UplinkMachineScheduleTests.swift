import HadirCore
import Testing

@testable import HadirUplink

@Suite struct UplinkMachineScheduleTests {
    typealias F = UplinkFixtures

    /// Runs a healthy server from `start` to `end` with `options`, punches at `punchTimes`; returns the driver.
    private func run(
        _ options: ADMSServerOptions, configuration: UplinkConfiguration = UplinkConfiguration(), from start: Int64 = F.t0,
        until end: Int64, punchTimes: [Int64], uploadsFailBefore outageEnd: Int64 = 0
    ) -> UplinkDriver {
        var driver = UplinkDriver(session: F.session(configuration), now: start)
        driver.latency = 0
        driver.start()
        driver.run(until: end, punchTimes: punchTimes) { request, now in
            switch request {
            case .sendHandshake: return .handshake(options)
            case .uploadBatch: return now < outageEnd ? .uploadFailure(.transport) : .uploadOK
            default: return .pollOK(commands: false)
            }
        }
        return driver
    }

    private func uploads(_ driver: UplinkDriver) -> [(at: Int64, batch: UplinkBatch)] {
        driver.requests.compactMap { request in
            if case .uploadBatch(let batch) = request.action { (request.at, batch) } else { nil }
        }
    }

    @Test func realtimeUploadsAsSoonAsTheJournalAdvances() {
        var session = F.session()
        F.connect(&session)
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        #expect(session.journalAdvanced(lastSeq: 1, now: F.t0 + 5) == [.uploadBatch(UplinkBatch(afterSeq: 0, throughSeq: 1))])
    }

    @Test func realtimeDriverUploadsEachPunchWhenItHappens() {
        let punches = [F.t0 + 5 * F.minute, F.t0 + 17 * F.minute + 3]
        let driver = run(F.options(), until: F.t0 + F.hour, punchTimes: punches)
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(uploads(driver).map(\.at) == punches)
    }

    @Test func transIntervalHoldsPunchesUntilTheNextWindow() {
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 5
        }
        let punches = [F.t0 + F.minute, F.t0 + 2 * F.minute, F.t0 + 6 * F.minute, F.t0 + 21 * F.minute]
        let driver = run(options, until: F.t0 + 30 * F.minute, punchTimes: punches)
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        let sent = uploads(driver)
        #expect(sent.map(\.at) == [F.t0 + 5 * F.minute, F.t0 + 10 * F.minute, F.t0 + 25 * F.minute])
        #expect(sent.map(\.batch.throughSeq) == [2, 3, 4])
    }

    @Test func aWindowWithNothingPendingDoesNotPullLaterPunchesForward() {
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 5
        }
        let driver = run(options, until: F.t0 + 12 * F.minute, punchTimes: [F.t0 + 5 * F.minute + 1])
        #expect(uploads(driver).map(\.at) == [F.t0 + 10 * F.minute])
    }

    @Test func serverWithoutAnyTriggerStillGetsPunchesOnTheFallbackInterval() {
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 0
            $0.transTimes = []
        }
        let driver = run(options, until: F.t0 + F.hour, punchTimes: [F.t0 + F.minute])
        #expect(uploads(driver).map(\.at) == [F.t0 + 15 * F.minute])
    }

    @Test(arguments: IndonesianZone.allCases)
    func transTimesUploadAtLocalTimesAcrossMidnight(zone: IndonesianZone) {
        let offset = Int64(zone.offsetSeconds) * 1000
        // Local 2025-01-01 23:00 in the zone, as UTC.
        let localEleven = F.t0 + 23 * F.hour - offset
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 0
            $0.transTimes = [10, 23 * 60 + 55]  // 00:10 and 23:55 local
        }
        var configuration = UplinkConfiguration()
        configuration.utcOffsetMinutes = Int(zone.offsetSeconds / 60)
        let punches = [
            localEleven + 10 * F.minute,  // 23:10 → 23:55
            localEleven + 58 * F.minute,  // 23:58 → 00:10
            localEleven + 65 * F.minute,  // 00:05 → 00:10
            localEleven + 80 * F.minute,  // 00:20 → 23:55 next day
        ]
        let driver = run(options, configuration: configuration, from: localEleven, until: localEleven + 2 * F.day, punchTimes: punches)
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        let sent = uploads(driver)
        #expect(sent.map(\.at) == [localEleven + 55 * F.minute, localEleven + 70 * F.minute, localEleven + F.day + 55 * F.minute])
        #expect(sent.map(\.batch.throughSeq) == [1, 3, 4])
    }

    @Test func nextTransTimeIsStrictlyAfterAndWrapsToTomorrow() {
        let wib = 7 * 60
        // 2025-01-01 16:55Z is 23:55 WIB.
        let at2355 = F.t0 + 16 * F.hour + 55 * F.minute
        #expect(UplinkSchedule.nextTransTime(after: at2355 - 1, minutes: [1435], utcOffsetMinutes: wib) == at2355)
        #expect(UplinkSchedule.nextTransTime(after: at2355, minutes: [1435], utcOffsetMinutes: wib) == at2355 + F.day)
        #expect(UplinkSchedule.nextTransTime(after: at2355, minutes: [1435, 10], utcOffsetMinutes: wib) == at2355 + 15 * F.minute)
        #expect(UplinkSchedule.nextTransTime(after: at2355, minutes: [], utcOffsetMinutes: wib) == nil)
        // Before the epoch the day still starts at local midnight.
        #expect(UplinkSchedule.nextTransTime(after: -1, minutes: [0], utcOffsetMinutes: 0) == 0)
        #expect(UplinkSchedule.nextTransTime(after: -F.day - 1, minutes: [60], utcOffsetMinutes: 0) == -F.day + F.hour)
    }

    @Test func transTimesOutOfRangeAreIgnored() {
        var schedule = UplinkSchedule(utcOffsetMinutes: 420, fallbackIntervalMilliseconds: 15 * F.minute)
        schedule.configure(
            F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 0
                $0.transTimes = [-5, 1440, 99_999, 600, 600]
            }, now: F.t0)
        #expect(schedule.transTimes == [600])
    }

    @Test func firstHandshakeDrainsTheBacklogEvenWithoutRealtime() {
        var session = F.session(ackedSeq: 4, lastSeq: 10)
        let actions = F.connect(
            &session,
            options: F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 60
            })
        #expect(actions.batch == UplinkBatch(afterSeq: 4, throughSeq: 10))
    }

    @Test func laterHandshakesKeepTheServerSchedule() {
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 0
            $0.transTimes = [12 * 60]  // 12:00 WIB = 05:00Z
        }
        // Punches at 07:01 and 13:00 WIB: the first goes in the 12:00 window; the second waits for the
        // next day's 12:00 although the 12-hourly handshakes come at 19:00 and 07:00.
        let driver = run(options, until: F.t0 + 30 * F.hour, punchTimes: [F.t0 + F.minute, F.t0 + 6 * F.hour])
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.requests.filter { $0.action == .sendHandshake }.count == 3)
        #expect(uploads(driver).map(\.at) == [F.t0 + 5 * F.hour, F.t0 + 29 * F.hour])
    }

    @Test func aWindowThatOpensDuringAnOutageIsDeliveredWhenTheServerReturns() {
        let options = F.options {
            $0.realtime = false
            $0.transIntervalMinutes = 0
            $0.transTimes = [8 * 60]  // 08:00 WIB = 01:00Z
        }
        let eight = F.t0 + F.hour
        let driver = run(
            options, until: eight + 3 * F.hour, punchTimes: [eight - 30 * F.minute], uploadsFailBefore: eight + F.hour)
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.delivered == [1])
        let sent = uploads(driver)
        #expect(sent.first?.at == eight)
        #expect(sent.last.map { $0.at >= eight + F.hour && $0.at <= eight + F.hour + 30 * F.minute } == true)
    }

    @Test func transFlagWithoutAttlogHoldsPunchesUntilTheServerWantsThemAgain() {
        var session = F.session(lastSeq: 5)
        let declined = F.connect(&session, options: F.options { $0.transTables = ["OPLOG", "ENROLLUSER"] })
        #expect(declined == [.alert(.attendanceLogNotWanted), .poll(includeInfo: true)])
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        #expect(session.journalAdvanced(lastSeq: 6, now: F.t0 + 1).batch == nil)
        #expect(session.logRequested(now: F.t0 + 2).batch == nil)
        #expect(session.ackedSeq == 0)

        #expect(session.checkRequested(now: F.t0 + 3) == [.sendHandshake])
        let accepted = session.handshakeReplied(options: F.options { $0.transTables = ["ATTLOG", "OPLOG"] }, now: F.t0 + 4)
        #expect(accepted.batch == UplinkBatch(afterSeq: 0, throughSeq: 6))
    }

    @Test func logSendsPendingRecordsNow() {
        var session = F.session()
        F.connect(
            &session,
            options: F.options {
                $0.realtime = false
                $0.transIntervalMinutes = 60
            })
        _ = session.pollReplied(commandsPresent: false, now: F.t0)
        #expect(session.journalAdvanced(lastSeq: 2, now: F.t0 + 1).batch == nil)
        #expect(session.logRequested(now: F.t0 + 2) == [.uploadBatch(UplinkBatch(afterSeq: 0, throughSeq: 2))])
    }

    @Test func aLongDrainStillPollsEveryDelay() {
        var driver = UplinkDriver(session: F.session(lastSeq: 100_000))
        driver.start()
        driver.run(until: F.t0 + F.hour) { request, _ in
            switch request {
            case .sendHandshake: .handshake(F.options())
            case .uploadBatch: .uploadOK
            default: .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.delivered.count == 100_000)
        let drainEnd = driver.requests.last { if case .uploadBatch = $0.action { true } else { false } }!.at
        let polls = driver.requests.filter { $0.action.isPoll && $0.at <= drainEnd }.map(\.at)
        #expect(polls.count >= 3)
        // Each poll waits at most for the upload in flight when it fell due.
        #expect(zip(polls, polls.dropFirst()).allSatisfy { $1 - $0 <= 10 * F.second + 2 * driver.latency })
    }

    @Test func periodicHandshakeCatchesAServerThatLostData() {
        let restoredAt = F.t0 + 11 * F.hour
        var driver = UplinkDriver(session: F.session(lastSeq: 50))
        driver.start()
        driver.run(until: F.t0 + 14 * F.hour) { request, now in
            switch request {
            case .sendHandshake:
                // Restored from a backup that ends at seq 20, which the 12-hourly handshake reveals.
                return .handshake(F.options { $0.attlogStamp = now >= restoredAt ? .number(20) : .absent })
            case .uploadBatch: return .uploadOK
            default: return .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.rewinds.map(\.to) == [20])
        #expect(driver.delivered == Array(1...50) + Array(21...50))
    }
}

extension UplinkAction {
    fileprivate var isPoll: Bool {
        if case .poll = self { true } else { false }
    }
}
