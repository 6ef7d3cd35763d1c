/// One HTTP request as the uplink wants it sent.
///
/// The transport owns the framing: it adds `Connection: close`, `Accept`, `User-Agent` and the
/// `Content-Length` of POST bodies itself, so `headers` holds only what the caller adds on top
/// (for example a `Content-Type`). See ``HTTPRequest/reservedHeaderNames``.
public struct HTTPRequest: Sendable, Hashable {
    /// GET or POST.
    public var method: HTTPMethod
    /// Absolute `http://` or `https://` URL including the query, already percent-encoded.
    public var url: String
    /// Extra header fields, sent in this order after the transport's own.
    public var headers: [HTTPHeader]
    /// The POST body (sent with an explicit `Content-Length`); must be empty for GET.
    public var body: [UInt8]

    /// Header names a caller may not set, because the transport decides them: framing must
    /// always be `Content-Length`, never chunked, never `Expect: 100-continue`, and every
    /// request closes its connection (reference §0).
    public static let reservedHeaderNames = ["Content-Length", "Transfer-Encoding", "Expect", "Connection"]

    /// Creates a request.
    public init(method: HTTPMethod, url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A GET request.
    public static func get(_ url: String, headers: [HTTPHeader] = []) -> HTTPRequest {
        HTTPRequest(method: .get, url: url, headers: headers)
    }

    /// A POST request with `body`.
    public static func post(_ url: String, body: [UInt8], headers: [HTTPHeader] = []) -> HTTPRequest {
        HTTPRequest(method: .post, url: url, headers: headers, body: body)
    }
}
