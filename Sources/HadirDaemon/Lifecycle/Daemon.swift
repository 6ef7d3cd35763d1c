import Foundation
import HadirControl
import HadirCore
import HadirPull
import HadirScanner
import HadirStore
import Logging
import ServiceLifecycle
import UnixSignals

/// The composition root: builds every part from the configuration and runs them as one
/// `ServiceGroup` that drains cleanly on SIGTERM/SIGINT.
public struct Daemon {
    let configuration: HadirConfiguration
    let logger: Logger
    let lifecycle: LifecycleOptions

    public init(configuration: HadirConfiguration, logger: Logger, lifecycle: LifecycleOptions = LifecycleOptions()) {
        self.configuration = configuration
        self.logger = logger
        self.lifecycle = lifecycle
    }

    public func run() async throws {
        DaemonMetrics.bootstrap()
        let notifier = SystemdNotifier()
        let (database, quarantined) = try DatabaseOpener.open(path: configuration.databasePath, logger: logger)
        let storage = StorageHealth(thresholds: configuration.storage.thresholds, quarantine: try database.quarantineIncident())
        let serial = try DeviceIdentity.serial(stateDirectory: configuration.device.stateDirectory, override: configuration.device.serial)
        try TemplateKeyFile.apply(
            try TemplateKeyFile.loadOrCreate(path: configuration.templateKeyPath), path: configuration.templateKeyPath, to: database,
            logger: logger)
        let integrity = try JournalIntegrity.start(configuration: configuration, serial: serial, database: database, logger: logger)
        let hub = FeedbackHub(printsLines: configuration.output.feedbackLines, logger: logger)
        let language = configuration.device.language
        let (clock, clockMonitor) = makeClock(database: database, hub: hub)
        let liveEvents = ZKLiveEventHub()
        let recorder = try PunchRecorder(
            database: database, clock: clock, profile: configuration.policy.profile,
            duplicateWindow: DuplicateWindow(seconds: configuration.policy.duplicateWindowSeconds), deviceSerial: serial,
            hub: hub, language: language, logger: logger, liveEvents: liveEvents, checkpointing: integrity.checkpointing,
            storage: storage)
        // One service per module; they share the recorder, so the dedupe window spans them all.
        let scanners = ScannerSet(
            configuration.scanners.map { scannerConfiguration in
                let transports = ScannerTransportFactory(configuration: scannerConfiguration, logger: logger)
                var scannerLogger = logger
                scannerLogger[metadataKey: "scanner"] = "\(scannerConfiguration.name)"
                return ScannerService(
                    configuration: scannerConfiguration, makeTransport: transports.makeTransport, deviceArrivals: transports.arrivals,
                    recorder: recorder, database: database, hub: hub, language: language,
                    logger: scannerLogger, heartbeat: LoopHeartbeat())
            })
        let enrollment = EnrollmentCoordinator(database: database, scanners: scanners, hub: hub, language: language, logger: logger)
        let kiosk = DaemonKiosk(
            database: database, scanners: scanners, recorder: recorder, enrollment: enrollment,
            clockAuthority: configuration.clock.authority, zoneOffsetSeconds: configuration.policy.profile.zone.offsetSeconds,
            logger: logger, clockMonitor: clockMonitor)
        let uplink: UplinkService? =
            configuration.uplinks.isEmpty
            ? nil
            : try UplinkService.make(
                configuration: configuration, serial: serial, database: database, kiosk: kiosk, clock: clock, logger: logger)
        let pull: PullService? =
            configuration.pull.enabled
            ? try await PullService.make(
                configuration: configuration, serial: serial,
                device: ZKStoreDevice(
                    database: database,
                    actions: DaemonPullActions(
                        database: database, scanners: scanners, clock: clock, kiosk: kiosk, setTimePolicy: configuration.pull.setTime,
                        logger: logger),
                    uplinkServers: configuration.uplinks.map(\.name), zoneOffsetSeconds: configuration.policy.profile.zone.offsetSeconds,
                    logger: logger),
                events: liveEvents, logger: logger)
            : nil
        let controlListeners = ControlServer.listeners(configuration, logger: logger)
        let reportSettings = LiveReportSettings(configuration.report)
        let controlActions = ControlActions(
            database: database, scanners: scanners, enrollment: enrollment, hub: hub, recorder: recorder,
            configuration: configuration, clock: clock, serial: serial, uplink: uplink, pull: pull, integrity: integrity, logger: logger,
            clockMonitor: clockMonitor, storage: storage, controlListeners: controlListeners, reportSettings: reportSettings)
        let controlReadiness = ControlReadiness(listeners: controlListeners.count)

        var services: [any Service] = scanners.services
        if let clockMonitor {
            services.append(ClockIntegrityService(monitor: clockMonitor))
        }
        if let voice = VoicePrompter(configuration: configuration, hub: hub, logger: logger) {
            services.append(voice)
        }
        services.append(
            StorageMonitor(
                directory: configuration.device.stateDirectory, health: storage,
                interval: .seconds(configuration.storage.checkEverySeconds), hub: hub, language: language, logger: logger))
        services += ControlServer.services(
            listeners: controlListeners, actions: controlActions, readiness: controlReadiness, logger: logger)
        if let door = KioskDisplayServer.make(configuration, actions: controlActions, logger: logger) {
            services.append(door)
        }
        if let uplink {
            services.append(uplink)
        }
        if let pull {
            services.append(pull)
        }
        // Trapped before READY=1: SIGHUP's default action would end the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        services += lifecycleServices(
            notifier: notifier, scanners: scanners, recorder: recorder, database: database, clock: clock, hangups: hangups,
            reportSettings: reportSettings)
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = Self.gracefulShutdownBudget
        let group = ServiceGroup(configuration: groupConfiguration)

        let scannerPaths = configuration.scanners.map { "\($0.kind.modality.rawValue) \($0.path)" }.joined(separator: ", ")
        let ready = "serial \(serial), journal seq \(try database.lastPunch()?.seq ?? 0), scanner \(scannerPaths)"
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { controlReadiness.finish() }
                try await group.run()
            }
            // READY only once hadirctl can connect: the control listeners bind inside the group.
            if await controlReadiness.wait() {
                logger.notice("hadird ready", metadata: ["serial": "\(serial)", "state_dir": "\(configuration.device.stateDirectory)"])
                hub.publish(FeedbackEvent(event: .ready, message: "hadird \(HadirVersion.current) ready", detail: ready))
                if let quarantined {
                    hub.publish(
                        FeedbackEvent(
                            event: .databaseQuarantined, message: KioskFeedback.databaseQuarantined.text(in: language),
                            detail: quarantined.file))
                }
                notifier.notify("READY=1\nSTATUS=\(ready)")
            }
            try await tasks.waitForAll()
        }
        notifier.notify("STOPPING=1")
        integrity.checkpointAtShutdown(database, logger: logger)
        // Folds the WAL into the main file: a cleanly stopped kiosk leaves one self-contained file.
        try? database.close()
        hub.publish(FeedbackEvent(event: .stopping, message: "hadird stopped"))
    }

    /// The recorder's clock and, unless the clock is simulated, the monitor that watches its sync
    /// state: the kernel's NTP state, or `[clock] sync_state_file` in tests and containers.
    func makeClock(database: HadirDatabase, hub: FeedbackHub) -> (any ClockSource, ClockIntegrityMonitor?) {
        if let text = configuration.clock.simulatedStart, let start = SimulatedClockStart(text) {
            logger.warning("using a SIMULATED clock; punches are flagged unsynced", metadata: ["start": "\(text)"])
            let clock = SimulatedClock(
                startLocal: start.local, zoneOffsetSeconds: configuration.policy.profile.zone.offsetSeconds,
                rate: configuration.clock.simulatedRate)
            // A simulated time is the demo's truth: nothing to sync or correct.
            return (clock, nil)
        }
        let source: any ClockSyncSource = configuration.clock.syncStateFile.map(FileClockSyncSource.init) ?? KernelClockSyncSource()
        if let path = configuration.clock.syncStateFile {
            logger.warning("clock sync state comes from a file, not the kernel (test/container setting)", metadata: ["path": "\(path)"])
        }
        let clock = SyncAwareClock(base: SystemClock(), source: source, serverTrust: ServerClockTrust())
        let monitor = ClockIntegrityMonitor(
            database: database, clock: clock, sourceOrigin: source.origin, hub: hub, language: configuration.device.language,
            logger: logger)
        return (clock, monitor)
    }
}
