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

    static func services(
        configuration: HadirConfiguration, actions: ControlActions, readiness: ControlReadiness, logger: Logger
    ) -> [any Service] {
        ControlApplications.make(endpoints: endpoints(configuration), readiness: readiness, logger: logger) { router in
            ControlRoutes.register(on: router, actions: actions)
        }
    }
}
