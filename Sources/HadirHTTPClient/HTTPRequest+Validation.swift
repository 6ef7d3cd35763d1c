extension HTTPRequest {
    /// Checks what libcurl would otherwise refuse late, send garbled or silently rewrite: a scheme
    /// other than http/https (libcurl would guess one for a bare host name), control characters in
    /// the URL or headers (header injection), reserved framing headers, and a GET with a body.
    ///
    /// Throws ``HTTPError/invalidRequest(_:)`` describing the first problem found.
    public func validate() throws(HTTPError) {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https", url.dropFirst(scheme.count).hasPrefix("://") else {
            throw .invalidRequest("URL must start with http:// or https://: \(url.debugDescription)")
        }
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            throw .invalidRequest("URL contains a space or control character: \(url.debugDescription)")
        }
        if method != .post && !body.isEmpty {
            throw .invalidRequest("a \(method.rawValue) request cannot carry a body (\(body.count) bytes given)")
        }
        for header in headers {
            try Self.validate(header)
        }
    }

    private static func validate(_ header: HTTPHeader) throws(HTTPError) {
        guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenCharacter) else {
            throw .invalidRequest("invalid header name \(header.name.debugDescription)")
        }
        if reservedHeaderNames.contains(where: header.hasName) {
            throw .invalidRequest("header \(header.name) is set by the transport and may not be overridden")
        }
        // Tab is allowed inside a value; CR, LF, NUL and other controls would split or end it.
        if header.value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            throw .invalidRequest("header \(header.name) has a control character in its value")
        }
    }

    /// RFC 9110 `tchar`: the characters allowed in a header name.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
