/// Why an HTTP exchange produced no response.
///
/// A server that answered, even with 500, is not an error: that is an ``HTTPResponse``. The cases
/// group failures by what the uplink and the operator can do about them; each carries libcurl's
/// own explanation for the log.
public enum HTTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The host name (or proxy name, when that is the one missing, see ``proxy(_:)``) did not resolve.
    case dns(String)
    /// No TCP connection: refused, unreachable, or a local interface problem.
    case connect(String)
    /// The TLS handshake or certificate checks failed: bad or untrusted certificate, pin mismatch,
    /// client certificate problem, or a TLS URL pointed at a plain-HTTP port.
    case tls(String)
    /// The connect timeout or the total timeout ran out.
    case timeout(String)
    /// The connection broke: reset, closed before or in the middle of the reply, or a send/receive
    /// failure. The request may or may not have reached the server.
    case reset(String)
    /// The configured or environment proxy failed (could not resolve it, or its handshake failed).
    case proxy(String)
    /// The request could not be sent as given: bad URL, unsupported scheme, forbidden header.
    case invalidRequest(String)
    /// The response (headers or body) exceeded the configured limit, in bytes.
    case responseTooLarge(Int)
    /// The task sending the request was cancelled before the exchange completed.
    case cancelled
    /// Any other libcurl failure, with its `CURLcode`.
    case other(code: Int32, String)

    /// One line for logs and `hadirctl status`: the kind of failure, then libcurl's detail.
    public var description: String {
        switch self {
        case .dns(let detail): "DNS lookup failed: \(detail)"
        case .connect(let detail): "connection failed: \(detail)"
        case .tls(let detail): "TLS failure: \(detail)"
        case .timeout(let detail): "timed out: \(detail)"
        case .reset(let detail): "connection broken: \(detail)"
        case .proxy(let detail): "proxy failure: \(detail)"
        case .invalidRequest(let detail): "invalid request: \(detail)"
        case .responseTooLarge(let limit): "response larger than the \(limit)-byte limit"
        case .cancelled: "request cancelled"
        case .other(let code, let detail): "HTTP transfer failed (libcurl error \(code)): \(detail)"
        }
    }
}
