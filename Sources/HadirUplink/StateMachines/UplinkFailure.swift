/// How one exchange with the server failed, as the I/O shell classified it.
public enum UplinkFailure: Hashable, Sendable {
    /// No HTTP answer: DNS, TLS, connect, timeout, reset mid-body.
    case transport
    /// An HTTP status the request cannot use (not 2xx; 413 is `tooLarge`).
    case httpStatus(Int)
    /// 2xx, but the body is not the expected `OK` (e.g. `FAIL`, `UNKNOWN DEVICE`, `RETRY`).
    case notOK(String)
    /// The request was too large (HTTP 413, or the transport refused its size).
    case tooLarge

    /// The same failure with `httpStatus(413)` folded into `tooLarge`, so callers match one case.
    var normalized: UplinkFailure {
        if case .httpStatus(413) = self { return .tooLarge }
        return self
    }

    /// The server refuses or no longer knows this device (401, 403, 404, 503-style registration
    /// answers come as 4xx here): handshake again after the backoff instead of hammering the endpoint.
    /// 408, 413 and 429 are about the request or the rate, not the device, so they are excluded.
    var requiresHandshake: Bool {
        guard case .httpStatus(let status) = self else { return false }
        return (400..<500).contains(status) && ![408, 413, 429].contains(status)
    }

    /// Worth retrying the same handshake or options upload: the network or the server is down.
    var isTransient: Bool {
        switch self {
        case .transport: return true
        case .httpStatus(let status): return status >= 500 || status == 408 || status == 429
        case .notOK, .tooLarge: return false
        }
    }
}
