/// Settings for ``CurlHTTPTransport``, one set per uplink target.
///
/// The defaults mirror what real ADMS devices do (reference §0) and are safe for a kiosk: short
/// timeouts so a dead server cannot hold the uplink, and a response cap so a broken one cannot
/// exhaust memory on a small board.
public struct CurlHTTPConfiguration: Sendable, Hashable {
    /// Time allowed for DNS, TCP connect and the TLS handshake together.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for the whole exchange, connect included.
    public var totalTimeout: Duration = .seconds(30)
    /// PEM file of CA certificates to trust instead of the system bundle (a private server CA).
    public var caFile: String?
    /// PEM client certificate for servers that require mutual TLS.
    public var clientCertificate: String?
    /// PEM private key of ``clientCertificate``, if not inside the certificate file.
    public var clientKey: String?
    /// Public-key pin checked after certificate verification: libcurl's `sha256//<base64>`
    /// form (several may be joined with `;`) or the path of a PEM/DER public key file.
    public var pinnedPublicKey: String?
    /// Proxy URL. nil = libcurl's environment handling (`http_proxy`, `https_proxy`,
    /// `no_proxy`; note libcurl ignores upper-case `HTTP_PROXY`); "" = never use a proxy.
    public var proxy: String?
    /// Sent as `User-Agent`; servers in the field recognise devices by this string.
    public var userAgent = "iClock Proxy/1.09"
    /// Largest response accepted: body bytes, and separately the header bytes.
    public var maxResponseBytes = 4 * 1024 * 1024
    /// Whether the server certificate and host name are verified. Only for testing a server
    /// with a throwaway certificate: without it, anyone on the path can read and change uploads.
    public var verifyPeer = true
    /// Connect to this unix socket instead of the URL's host (the URL still names the path):
    /// how hadirctl reaches the daemon's control API.
    public var unixSocketPath: String?

    /// The defaults; change fields as needed.
    public init() {}
}
