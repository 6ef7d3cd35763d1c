import Logging
import Synchronization

/// Logs what hostile or broken clients cause at most once per `interval` per kind, with the
/// number of similar events held back: a flood must not turn into a flood of log lines (each one
/// a write to journald, competing with the punch path for the CPU and the disk).
public final class RefusalLog: Sendable {
    let logger: Logger
    let intervalNanoseconds: UInt64

    private struct Kind {
        var lastLogged: ContinuousClock.Instant
        var suppressed: Int
    }

    private let kinds = Mutex<[String: Kind]>([:])

    public init(logger: Logger, intervalSeconds: Double = 10) {
        self.logger = logger
        self.intervalNanoseconds = UInt64(intervalSeconds * 1_000_000_000)
    }

    /// Logs `message` at `level` unless a `kind` was logged within the interval; the next line
    /// logged for that kind says how many were held back.
    public func log(_ level: Logger.Level, kind: String, _ message: @autoclosure () -> String, metadata: Logger.Metadata = [:]) {
        let now = ContinuousClock.now
        let suppressed: Int? = kinds.withLock { kinds in
            if var entry = kinds[kind], now - entry.lastLogged < .nanoseconds(Int64(intervalNanoseconds)) {
                entry.suppressed += 1
                kinds[kind] = entry
                return nil
            }
            let held = kinds[kind]?.suppressed ?? 0
            kinds[kind] = Kind(lastLogged: now, suppressed: 0)
            return held
        }
        guard let suppressed else { return }
        var metadata = metadata
        if suppressed > 0 { metadata["suppressed"] = "\(suppressed)" }
        logger.log(level: level, "\(message())", metadata: metadata)
    }
}
