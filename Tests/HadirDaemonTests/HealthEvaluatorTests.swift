import Testing

@testable import HadirDaemon

@Suite struct HealthEvaluatorTests {
    let start = ContinuousClock.now
    let watchdog: Duration = .seconds(30)

    func input(scannerAgo: Duration, within: Duration = .seconds(12), databaseAgo: Duration?) -> HealthInput {
        let now = start + .seconds(1_000)
        return HealthInput(
            now: now, scanner: LoopHeartbeat.Beat(at: now - scannerAgo, within: within),
            lastDatabaseAnswer: databaseAgo.map { now - $0 }, watchdogTimeout: watchdog)
    }

    @Test func pingsWhenTheScannerLoopAndTheWriterAreFresh() {
        #expect(HealthEvaluator.evaluate(input(scannerAgo: .seconds(1), databaseAgo: .zero)) == .ping)
    }

    @Test func pingsAtTheExactBoundsAndWithholdsJustPastThem() {
        #expect(HealthEvaluator.evaluate(input(scannerAgo: .seconds(12), databaseAgo: .seconds(15))) == .ping)
        let lateScanner = HealthEvaluator.evaluate(input(scannerAgo: .milliseconds(12_001), databaseAgo: .zero))
        #expect(lateScanner != .ping)
        let lateWriter = HealthEvaluator.evaluate(input(scannerAgo: .zero, databaseAgo: .milliseconds(15_001)))
        #expect(lateWriter != .ping)
    }

    @Test func aRetryingLoopThatAnnouncedItsBackoffIsAlive() {
        // Disconnected, sleeping a 60 s backoff: it said so when it beat.
        #expect(HealthEvaluator.evaluate(input(scannerAgo: .seconds(50), within: .seconds(68), databaseAgo: .zero)) == .ping)
    }

    @Test func aWedgedScannerLoopIsWithheldWithItsReason() {
        guard case .withhold(let reason) = HealthEvaluator.evaluate(input(scannerAgo: .seconds(40), databaseAgo: .zero)) else {
            Issue.record("expected withhold")
            return
        }
        #expect(reason.contains("scanner loop made no progress for 40.0s"))
        #expect(reason.contains("12.0s"))
        #expect(!reason.contains("database"))
    }

    @Test func aWriterThatNeverAnsweredIsWithheld() {
        guard case .withhold(let reason) = HealthEvaluator.evaluate(input(scannerAgo: .zero, databaseAgo: nil)) else {
            Issue.record("expected withhold")
            return
        }
        #expect(reason == "database writer has not answered a probe yet")
    }

    @Test func aSlowWriterIsWithheldWithItsAgeAndBound() {
        guard case .withhold(let reason) = HealthEvaluator.evaluate(input(scannerAgo: .zero, databaseAgo: .seconds(20))) else {
            Issue.record("expected withhold")
            return
        }
        #expect(reason == "database writer has not answered a probe for 20.0s (bound 15.0s)")
    }

    @Test func bothFailuresAreReportedTogether() {
        guard case .withhold(let reason) = HealthEvaluator.evaluate(input(scannerAgo: .seconds(60), databaseAgo: nil)) else {
            Issue.record("expected withhold")
            return
        }
        #expect(reason.contains("scanner loop"))
        #expect(reason.contains("; database writer"))
    }

    /// Every combination of scanner age and writer age around the bounds, against the rule itself.
    @Test func matchesTheRuleOnAGridOfAges() {
        let ages: [Duration?] = [
            nil, .zero, .seconds(5), .seconds(12), .milliseconds(12_001), .seconds(15), .milliseconds(15_001), .seconds(90),
        ]
        for scanner in ages.compactMap({ $0 }) {
            for database in ages {
                let verdict = HealthEvaluator.evaluate(input(scannerAgo: scanner, databaseAgo: database))
                let healthy = scanner <= .seconds(12) && database.map { $0 <= .seconds(15) } == true
                #expect((verdict == .ping) == healthy, "scanner \(scanner) database \(String(describing: database))")
            }
        }
    }

    @Test func aHeartbeatAnswersWithItsLatestBeat() {
        let heartbeat = LoopHeartbeat(startingAt: start, within: .seconds(30))
        #expect(heartbeat.latest == LoopHeartbeat.Beat(at: start, within: .seconds(30)))
        heartbeat.beat(within: .seconds(5), at: start + .seconds(2))
        #expect(heartbeat.latest == LoopHeartbeat.Beat(at: start + .seconds(2), within: .seconds(5)))
    }

    @Test func watchdogTimeoutComesFromWatchdogUsecForThisProcessOnly() {
        #expect(SystemdNotifier.watchdogTimeout(environment: ["WATCHDOG_USEC": "2000000"]) == .seconds(2))
        #expect(SystemdNotifier.watchdogTimeout(environment: [:]) == nil)
        #expect(SystemdNotifier.watchdogTimeout(environment: ["WATCHDOG_USEC": "0"]) == nil)
        #expect(SystemdNotifier.watchdogTimeout(environment: ["WATCHDOG_USEC": "junk"]) == nil)
        #expect(SystemdNotifier.watchdogTimeout(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"]) == nil)
    }
}
