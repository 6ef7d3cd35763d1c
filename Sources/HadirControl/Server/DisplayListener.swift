import HadirConnectionLimits
import Logging

/// The door screen's listener (`[kiosk] listen`): plain HTTP for the kiosk's own browser, no
/// token, read-only routes only, behind the same connection gate as the control listeners.
public struct DisplayListener: Sendable {
    public let host: String
    public let port: Int
    public let limits: ControlListenerLimits
    public let gate: ConnectionGate

    public init(host: String, port: Int, limits: ControlListenerLimits = .display, logger: Logger) {
        self.host = host
        self.port = port
        self.limits = limits
        let refusals = RefusalLog(logger: logger)
        let name = "display:\(host):\(port)"
        gate = ConnectionGate(limits: limits.connections) { closure in
            refusals.log(
                .warning, kind: "\(closure.reason)", "door screen connection closed: \(closure.reason)",
                metadata: ["listener": "\(name)", "peer": "\(closure.peer ?? "local")"])
        }
    }
}

extension ControlListenerLimits {
    /// One browser needs a page, two assets, a state poll and one event stream; 16 leaves room
    /// for a reload while the old page's stream is still closing. No request has a body.
    public static let display = ControlListenerLimits(
        connections: ConnectionLimits(maximumConnections: 16, maximumPerAddress: 16, firstRequestTimeoutSeconds: 10),
        idleTimeoutSeconds: 30, maximumBodyBytes: 1024)
}
