import HadirCore
import Synchronization

/// The `[report]` settings a SIGHUP may replace; read once per report request.
public final class LiveReportSettings: Sendable {
    private let settings: Mutex<ReportSettings>

    public init(_ settings: ReportSettings) {
        self.settings = Mutex(settings)
    }

    public var value: ReportSettings {
        get { settings.withLock { $0 } }
        set { settings.withLock { $0 = newValue } }
    }
}
