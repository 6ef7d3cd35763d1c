import HadirCore
import HadirStore
import Logging
import ServiceLifecycle
import UnixSignals

/// How hadird was started, for the parts of the lifecycle that act after start (SIGHUP reload,
/// the reloadable log level).
public struct LifecycleOptions: Sendable {
    /// Read again on SIGHUP; nil disables reloading.
    public var source: ConfigSource?
    /// The level every log handler reads; nil when logging was bootstrapped elsewhere (tests).
    public var logLevel: LiveLogLevel?

    public init(source: ConfigSource? = nil, logLevel: LiveLogLevel? = nil) {
        self.source = source
        self.logLevel = logLevel
    }
}

extension Daemon {
    /// SIGTERM to exit: 3 s of graceful drain, then cancellation, then the hard stop at 4.5 s.
    static let gracefulShutdownBudget: Duration = .seconds(3)
    static let shutdownDeadline: Duration = .milliseconds(4_500)

    /// The notify, watchdog, reload and shutdown services; appended after the working services so
    /// they are the first to stop.
    func lifecycleServices(
        notifier: SystemdNotifier, scanners: ScannerSet, recorder: PunchRecorder, database: HadirDatabase,
        clock: any ClockSource, hangups: UnixSignalsSequence, reportSettings: LiveReportSettings
    ) -> [any Service] {
        var services: [any Service] = []
        if notifier.isEnabled {
            services.append(
                StatusService(
                    notifier: notifier, scanners: scanners, database: database, servers: configuration.uplinks.map(\.name),
                    nowMilliseconds: { clock.now().utcMilliseconds }))
        }
        if let timeout = SystemdNotifier.watchdogTimeout() {
            services.append(
                WatchdogService(
                    notifier: notifier, timeout: timeout, scanners: scanners.services.map(\.heartbeat),
                    probe: DatabaseWriterProbe(database: database),
                    logger: logger))
        }
        if let source = lifecycle.source {
            let logLevel = lifecycle.logLevel
            services.append(
                ConfigReloadService(
                    source: source, initial: configuration, signals: hangups, notifier: notifier, logger: logger,
                    apply: { plan in
                        let live = plan.effective
                        if plan.applied.contains("output.log_level") { logLevel?.value = live.output.logLevel }
                        if plan.applied.contains("policy.duplicate_window_s") {
                            await recorder.setDuplicateWindow(DuplicateWindow(seconds: live.policy.duplicateWindowSeconds))
                        }
                        await recorder.setProfile(live.policy.profile)
                        reportSettings.value = live.report
                    }))
        }
        services.append(ShutdownService(notifier: notifier, deadline: Self.shutdownDeadline, logger: logger))
        return services
    }
}
