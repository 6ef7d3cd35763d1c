import HadirConnectionLimits
import HadirControl
import Logging
import ServiceLifecycle

/// The control API's listeners from `[control]`: the unix socket always, the LAN port when
/// `listen` is set (with its bearer token).
enum ControlServer {
    static func endpoints(_ configuration: HadirConfiguration) -> [ControlEndpoint] {
        var endpoints: [ControlEndpoint] = [.unixSocket(path: configuration.controlSocketPath, group: configuration.control.group)]
        if let listen = configuration.control.listen {
            endpoints.append(.tcp(host: listen.host, port: listen.port, token: configuration.control.token))
        }
        return endpoints
    }

    /// Each endpoint with its limits: the LAN listener's from `[control]`, the unix socket's own
    /// generous cap (so a LAN flood cannot take hadirctl's slots) with the same timeouts and body limit.
    static func listeners(_ configuration: HadirConfiguration, logger: Logger) -> [ControlListener] {
        let control = configuration.control
        return endpoints(configuration).map { endpoint in
            switch endpoint {
            case .unixSocket:
                let limits = ControlListenerLimits.unixSocket(
                    idleTimeoutSeconds: Double(control.idleTimeoutSeconds), maximumBodyBytes: control.maxBodyBytes)
                return ControlListener(endpoint: endpoint, limits: limits, logger: logger)
            case .tcp:
                let limits = ControlListenerLimits(
                    connections: ConnectionLimits(
                        maximumConnections: control.maxConnections, maximumPerAddress: control.maxConnectionsPerAddress,
                        firstRequestTimeoutSeconds: Double(min(10, control.idleTimeoutSeconds))),
                    idleTimeoutSeconds: Double(control.idleTimeoutSeconds), maximumBodyBytes: control.maxBodyBytes)
                return ControlListener(endpoint: endpoint, limits: limits, logger: logger)
            }
        }
    }

    static func services(
        listeners: [ControlListener], actions: ControlActions, readiness: ControlReadiness, logger: Logger
    ) -> [any Service] {
        let admin = AdminLogin(actions.configuration.admin, database: actions.database, logger: logger)
        let language = actions.configuration.device.language.rawValue
        return ControlApplications.make(listeners: listeners, readiness: readiness, logger: logger, admin: admin.gate) { router in
            ControlRoutes.register(on: router, actions: actions)
            AdminRoutes.register(on: router, login: admin, language: language)
        }
    }
}
