/// What the watchdog knows when it decides whether to ping systemd.
public struct HealthInput: Sendable, Hashable {
    public var now: ContinuousClock.Instant
    /// The scanner loop's last beat.
    public var scanner: LoopHeartbeat.Beat
    /// When the DB writer last answered a probe; nil when it never has.
    public var lastDatabaseAnswer: ContinuousClock.Instant?
    /// `WatchdogSec` (from `WATCHDOG_USEC`): systemd kills the daemon after this long without a ping.
    public var watchdogTimeout: Duration

    public init(
        now: ContinuousClock.Instant, scanner: LoopHeartbeat.Beat, lastDatabaseAnswer: ContinuousClock.Instant?,
        watchdogTimeout: Duration
    ) {
        self.now = now
        self.scanner = scanner
        self.lastDatabaseAnswer = lastDatabaseAnswer
        self.watchdogTimeout = watchdogTimeout
    }
}

/// The watchdog's decision for one tick.
public enum HealthVerdict: Sendable, Hashable {
    case ping
    /// Do not send WATCHDOG=1; systemd restarts the daemon if this lasts a whole WatchdogSec.
    case withhold(reason: String)
}

/// Decides whether the daemon is healthy enough to ping the systemd watchdog: the scanner loop has
/// beaten within the time it announced, and the DB writer answered a probe within half of
/// WatchdogSec (the probe runs every tick, so an answer older than one tick is a missed probe).
/// Pure, so every case is unit-tested without clocks or sockets.
public enum HealthEvaluator {
    public static func evaluate(_ input: HealthInput) -> HealthVerdict {
        var reasons: [String] = []
        let scannerAge = input.now - input.scanner.at
        if scannerAge > input.scanner.within {
            reasons.append(
                "scanner loop made no progress for \(scannerAge.secondsText) (next step was due within \(input.scanner.within.secondsText))"
            )
        }
        let databaseBound = input.watchdogTimeout / 2
        if let answer = input.lastDatabaseAnswer {
            let age = input.now - answer
            if age > databaseBound {
                reasons.append("database writer has not answered a probe for \(age.secondsText) (bound \(databaseBound.secondsText))")
            }
        } else {
            reasons.append("database writer has not answered a probe yet")
        }
        return reasons.isEmpty ? .ping : .withhold(reason: reasons.joined(separator: "; "))
    }
}

extension Duration {
    /// "12.5s": for log lines and status.
    var secondsText: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        let tenths = milliseconds / 100
        return "\(tenths / 10).\(abs(tenths % 10))s"
    }
}
