import HadirConnectionLimits
import Logging

/// One control API listener: where it listens, its limits, and the gate that enforces the
/// connection caps (its figures show in status).
public struct ControlListener: Sendable {
    public let endpoint: ControlEndpoint
    public let limits: ControlListenerLimits
    public let gate: ConnectionGate

    public init(endpoint: ControlEndpoint, limits: ControlListenerLimits, logger: Logger) {
        self.endpoint = endpoint
        self.limits = limits
        let refusals = RefusalLog(logger: logger)
        let name = endpoint.description
        gate = ConnectionGate(limits: limits.connections) { closure in
            refusals.log(
                .warning, kind: "\(closure.reason)", "control connection closed: \(closure.reason)",
                metadata: ["listener": "\(name)", "peer": "\(closure.peer ?? "local")"])
        }
    }
}
