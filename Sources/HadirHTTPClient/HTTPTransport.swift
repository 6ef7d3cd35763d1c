// The uplink's HTTP layer.
//
// The ADMS client speaks to its servers only through `HTTPTransport`, so its handshake, upload and
// command logic can be tested with a scripted fake, while the daemon uses `CurlHTTPTransport`
// (libcurl: proxies from the environment, client certificates, public-key pinning, and the same
// TLS stack as the rest of the system). Every request is a fresh connection closed afterwards, as
// real ADMS devices do (reference §0).

/// Sends one HTTP request and returns the complete response.
///
/// Any status the server answers with, 5xx included, is a response; ``HTTPError`` is only for
/// exchanges that did not complete. Implementations must not block the caller's thread.
public protocol HTTPTransport: Sendable {
    /// Performs `request` and returns the server's final response.
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}
