import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the config file on SIGHUP: applies the live keys, logs which changed keys need a
/// restart, and keeps the running configuration when the new file is bad. Brackets the work
/// with `RELOADING=1` … `READY=1`, the Type=notify-reload convention (harmless under Type=notify).
struct ConfigReloadService: Service {
    let source: ConfigSource
    let initial: HadirConfiguration
    /// Trapped before READY=1, so an early SIGHUP cannot take the default action (terminate).
    let signals: UnixSignalsSequence
    let notifier: SystemdNotifier
    let logger: Logger
    /// Puts the live keys of the new effective configuration into the running parts.
    let apply: @Sendable (ConfigReloadPlan) async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var running = initial
            for await _ in signals {
                running = await reload(running)
            }
        }
    }

    func reload(_ running: HadirConfiguration) async -> HadirConfiguration {
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
        defer { notifier.notify("READY=1") }
        let file = source.path ?? "embedded defaults"
        let loaded: HadirConfiguration
        do {
            loaded = try ConfigLoader.load(path: source.path, environment: source.environment)
        } catch {
            var metadata: Logger.Metadata = ["file": "\(error.file)", "reason": "\(error.reason)"]
            if let line = error.line { metadata["line"] = "\(line)" }
            if let key = error.key { metadata["key"] = "\(key)" }
            logger.error("configuration reload failed; the running configuration stays: \(error.description)", metadata: metadata)
            return running
        }
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        if plan.isEmpty {
            logger.notice("configuration reloaded: nothing changed", metadata: ["file": "\(file)"])
            return running
        }
        await apply(plan)
        logger.notice(
            "configuration reloaded",
            metadata: [
                "file": "\(file)", "applied": "\(plan.applied.joined(separator: ","))",
                "restart_needed": "\(plan.restartNeeded.joined(separator: ","))",
            ])
        if !plan.restartNeeded.isEmpty {
            logger.warning(
                "changed keys need a restart to take effect: \(plan.restartNeeded.joined(separator: ", "))",
                metadata: ["file": "\(file)"])
        }
        return plan.effective
    }
}
