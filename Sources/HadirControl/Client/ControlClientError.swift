/// Why a control API call did not succeed, worded for the technician.
public enum ControlClientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No daemon answered at the endpoint (not running, wrong path, no permission).
    case daemonUnreachable(String, String)
    /// The daemon answered with an error status and said why.
    case refused(status: Int, message: String)
    /// The daemon's answer could not be understood.
    case badReply(String)

    public var description: String {
        switch self {
        case .daemonUnreachable(let endpoint, let detail): "cannot reach hadird at \(endpoint): \(detail)"
        case .refused(_, let message): message
        case .badReply(let text): "unexpected reply from hadird: \(text.prefix(200))"
        }
    }
}
