import Hummingbird
import Logging
import ServiceLifecycle

/// The Hummingbird application behind a ``DisplayListener``: JSON errors, the body limit and
/// the gate, then only the routes the caller registers (the door screen's GETs).
public enum DisplayApplication {
    public static func make(
        listener: DisplayListener, logger: Logger, onBound: @escaping @Sendable () -> Void = {},
        routes: @escaping ControlApplications.Routes
    ) -> any Service {
        let router = Router(context: ControlRequestContext.self)
        router.add(middleware: JSONErrorMiddleware(logger: logger))
        router.add(middleware: BodyLimitMiddleware(maximumBytes: listener.limits.maximumBodyBytes))
        router.add(middleware: ConnectionProofMiddleware(gate: listener.gate))
        routes(router)
        return Application(
            router: router, server: .gatedHTTP1(gate: listener.gate, limits: listener.limits),
            configuration: ApplicationConfiguration(address: .hostname(listener.host, port: listener.port)),
            onServerRunning: { _ in onBound() }, logger: logger)
    }
}
