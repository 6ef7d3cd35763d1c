import HadirControl
import Logging
import ServiceLifecycle

/// The door screen's listener from `[kiosk]`, as a service that never takes the daemon down:
/// a taken port costs the screen, not the punches (decision 0016).
struct KioskDisplayServer: Service {
    let application: any Service
    let endpoint: String
    let logger: Logger

    static func make(_ configuration: HadirConfiguration, actions: ControlActions, logger: Logger) -> KioskDisplayServer? {
        guard let endpoint = configuration.kiosk.endpoint else { return nil }
        let listener = DisplayListener(host: endpoint.host, port: endpoint.port, logger: logger)
        let description = "http://\(endpoint.host):\(endpoint.port)/kiosk"
        let announce: @Sendable () -> Void = { logger.notice("door screen listening", metadata: ["url": "\(description)"]) }
        let application = DisplayApplication.make(listener: listener, logger: logger, onBound: announce) { router in
            KioskRoutes.register(on: router, actions: actions)
        }
        return KioskDisplayServer(application: application, endpoint: description, logger: logger)
    }

    func run() async throws {
        do {
            try await application.run()
        } catch {
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { throw error }
            logger.error("door screen not served; punches go on", metadata: ["url": "\(endpoint)", "error": "\(error)"])
            try? await gracefulShutdown()
        }
    }
}
