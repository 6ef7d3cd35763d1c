/// A complete HTTP response: whatever the status, a server that answered produces one of these
/// (errors are only for exchanges that did not complete, see ``HTTPError``).
public struct HTTPResponse: Sendable, Hashable {
    /// The status code of the final response (a 3xx is reported, never followed).
    public var status: Int
    /// Header fields of the final response, in the order received. Interim `100 Continue`
    /// responses leave nothing here; duplicates are kept, folded lines are joined with a space.
    public var headers: [HTTPHeader]
    /// The body exactly as received (no content decoding is requested).
    public var body: [UInt8]
    /// Wall time from just before the request started (including DNS, connect and TLS) until the
    /// last body byte arrived: an upper bound on how stale the server's `Date` can be.
    public var roundTripDuration: Duration

    /// Creates a response (the transport does; tests and fakes may too).
    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], roundTripDuration: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.roundTripDuration = roundTripDuration
    }

    /// The first value of header `name`, compared case-insensitively.
    public func value(for name: String) -> String? {
        headers.value(for: name)
    }

    /// The raw `Date` header, unparsed. The clock check parses it and trusts it only when
    /// ``roundTripDuration`` is short (reference §4).
    public var date: String? {
        value(for: "Date")
    }

    /// Whether the status is 2xx. (An ADMS upload also needs `OK` in the body to count.)
    public var isSuccessStatus: Bool {
        (200..<300).contains(status)
    }

    /// The body decoded as UTF-8, with invalid bytes replaced: ADMS replies are short text.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
