import Logging
import ServiceLifecycle

/// Sends WATCHDOG=1 at half of WatchdogSec, but only while ``HealthEvaluator`` finds the scanner
/// loop and the DB writer alive: a bare timer would keep a wedged daemon "healthy" forever.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    /// WatchdogSec.
    let timeout: Duration
    /// One per scanner module; the one closest to (or furthest past) its deadline decides.
    let scanners: [LoopHeartbeat]
    let probe: DatabaseWriterProbe
    let logger: Logger

    func run() async throws {
        let tick = timeout / 2
        // Leaves most of the tick for the answer, even on a busy board.
        let probeBound = timeout / 4
        await cancelWhenGracefulShutdown {
            var lastAnswer: ContinuousClock.Instant?
            var withholding = false
            while !Task.isCancelled {
                if await probe.answers(within: probeBound) { lastAnswer = .now }
                let input = HealthInput(
                    now: .now, scanner: Self.mostUrgent(scanners.map(\.latest)), lastDatabaseAnswer: lastAnswer, watchdogTimeout: timeout)
                switch HealthEvaluator.evaluate(input) {
                case .ping:
                    notifier.notify("WATCHDOG=1")
                    if withholding {
                        withholding = false
                        logger.notice("watchdog pings resumed: scanner loop and database writer answer again")
                    }
                case .withhold(let reason):
                    // Once per episode: the reason's figures change every tick.
                    if !withholding {
                        withholding = true
                        logger.error(
                            "withholding watchdog ping; systemd restarts hadird if this lasts \(timeout.secondsText)",
                            metadata: ["reason": "\(reason)"])
                    }
                }
                // Cancelled at shutdown: end quietly, a thrown error would cancel the whole group.
                try? await Task.sleep(for: tick)
            }
        }
    }
}

extension WatchdogService {
    /// The beat whose promised next step is due first: if any loop is stuck, this is it.
    static func mostUrgent(_ beats: [LoopHeartbeat.Beat]) -> LoopHeartbeat.Beat {
        beats.min { $0.at + $0.within < $1.at + $1.within }!
    }
}
