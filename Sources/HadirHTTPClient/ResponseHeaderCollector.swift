/// Builds the header list of the final response from the raw lines libcurl's header callback
/// delivers: one call per line, status lines included, for every response on the connection.
///
/// A status line starts a new list, so headers of an interim `100 Continue`, a proxy's `CONNECT`
/// reply or a redirect never mix with the final response's. Obsolete line folding (a line that
/// starts with a space or tab) continues the previous value.
struct ResponseHeaderCollector {
    private(set) var headers: [HTTPHeader] = []

    /// Consumes one header line, with or without its CRLF.
    mutating func consume(_ rawLine: some Collection<UInt8>) {
        var line = Array(rawLine)
        while let last = line.last, last == 0x0D || last == 0x0A {
            line.removeLast()
        }
        guard let first = line.first else { return }  // the blank line closing a header block
        if line.starts(with: Array("HTTP/".utf8)) {
            headers.removeAll()
            return
        }
        if first == 0x20 || first == 0x09 {
            let continuation = Self.text(Self.trimmed(line[...]))
            if let index = headers.indices.last, !continuation.isEmpty {
                let previous = headers[index].value
                headers[index].value = previous.isEmpty ? continuation : previous + " " + continuation
            }
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }  // not a header: ignore
        let name = Self.trimmed(line[..<colon])
        guard !name.isEmpty else { return }
        let value = Self.trimmed(line[(colon + 1)...])
        headers.append(HTTPHeader(name: Self.text(name), value: Self.text(value)))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result.removeFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result.removeLast() }
        return result
    }

    /// UTF-8 when valid, else ISO-8859-1 (the historical header charset), so no byte is lost.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }
}
