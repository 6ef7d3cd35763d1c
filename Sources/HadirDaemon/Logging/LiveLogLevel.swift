import Logging
import Synchronization

/// The process-wide log level, shared by every handler so a SIGHUP reload can change it live.
public final class LiveLogLevel: Sendable {
    private let level: Mutex<Logger.Level>

    public init(_ level: Logger.Level) {
        self.level = Mutex(level)
    }

    public var value: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }
}
