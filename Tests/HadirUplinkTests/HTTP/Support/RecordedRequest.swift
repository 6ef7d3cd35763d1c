import Foundation
import HadirHTTPClient
import HadirUplink

/// A request exactly as the loopback server received it, for asserting what libcurl sent.
struct RecordedRequest: Sendable {
    /// The request line's method, e.g. `POST`.
    var method: String
    /// The request target: path and query, e.g. `/iclock/cdata?SN=X`.
    var target: String
    /// The protocol version, e.g. `HTTP/1.1`.
    var version: String
    /// Header fields in the order sent.
    var headers: [HTTPHeader]
    /// The head (request line and headers) as text.
    var head: String
    /// The body bytes as received.
    var body: [UInt8] = []

    /// Parses a head that ends with the blank line; nil when the request line is malformed.
    init?(head bytes: [UInt8]) {
        head = String(decoding: bytes, as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3 else { return nil }
        method = String(requestLine[0])
        target = String(requestLine[1])
        version = String(requestLine[2])
        headers = lines.filter { !$0.isEmpty }.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return HTTPHeader(name: String(line[..<colon]), value: value)
        }
    }

    /// The first value of header `name`, compared case-insensitively.
    func value(for name: String) -> String? {
        headers.value(for: name)
    }
}
