import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Builds one Hummingbird application per endpoint, all serving the same routes; each is a
/// `Service` the daemon runs in its `ServiceGroup`.
public enum ControlApplications {
    public typealias Routes = @Sendable (Router<ControlRequestContext>) -> Void

    /// `admin`: the technician page's sessions, accepted on the LAN listener beside the token.
    public static func make(
        listeners: [ControlListener], readiness: ControlReadiness, logger: Logger, admin: AdminGate? = nil,
        routes: @escaping Routes
    ) -> [any Service] {
        listeners.map { listener in
            let router = Router(context: ControlRequestContext.self)
            router.add(middleware: JSONErrorMiddleware(logger: logger))
            router.add(middleware: BodyLimitMiddleware(maximumBytes: listener.limits.maximumBodyBytes))
            switch listener.endpoint {
            case .unixSocket(let path, let group):
                router.add(middleware: ConnectionProofMiddleware(gate: listener.gate))
                routes(router)
                return Application(
                    router: router, server: .gatedHTTP1(listener),
                    configuration: ApplicationConfiguration(address: .unixDomainSocket(path: path)),
                    onServerRunning: { _ in
                        restrict(socket: path, group: group, logger: logger)
                        readiness.listenerBound()
                    }, logger: logger)
            case .tcp(let host, let port, let token):
                router.add(middleware: ControlAccessMiddleware(token: token, admin: admin))
                router.add(middleware: ConnectionProofMiddleware(gate: listener.gate))
                routes(router)
                return Application(
                    router: router, server: .gatedHTTP1(listener),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                    onServerRunning: { _ in readiness.listenerBound() }, logger: logger)
            }
        }
    }

    /// Mode 0660, and the technicians' group when it exists: the kernel then refuses everyone
    /// else at connect(), before a single byte reaches the API.
    static func restrict(socket path: String, group: String?, logger: Logger) {
        if chmod(path, 0o660) != 0 {
            logger.error("cannot set mode 0660 on the control socket", metadata: ["path": "\(path)", "errno": "\(errno)"])
        }
        guard let group else { return }
        guard let entry = getgrnam(group) else {
            logger.info("group \(group) does not exist; the control socket keeps the daemon's group", metadata: ["path": "\(path)"])
            return
        }
        if chown(path, uid_t.max, entry.pointee.gr_gid) != 0 {
            logger.warning("cannot hand the control socket to group \(group)", metadata: ["path": "\(path)", "errno": "\(errno)"])
        }
    }
}
