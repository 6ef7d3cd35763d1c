import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking HTTP/1.1 client over a raw loopback socket, for checks a browser makes (cookies,
/// custom headers) that hadirctl's client does not; it reads server-sent events as they arrive.
struct PlainHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) throws -> Reply {
        var events: [(String, String)] = []
        return try stream(method, path, headers: headers, body: body) { events.append(($0, $1)) }
    }

    /// Sends the request and calls `onEvent` for each server-sent event of the body as it arrives.
    @discardableResult
    func stream(
        _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil,
        onEvent: (_ event: String, _ data: String) throws -> Void
    ) throws -> Reply {
        let socket = try RawTCPSocket(port: port)
        defer { socket.close() }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let payload = Array((body ?? "").utf8)
        if body != nil { head += "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n" }
        guard socket.send(Array((head + "\r\n").utf8) + payload) else { throw HarnessError("send failed") }

        var raw: [UInt8] = []
        var reply: Reply?
        var chunked = false
        var bodyBytes: [UInt8] = []
        var pending: [UInt8] = []
        var eventText = ""
        while true {
            let chunk = socket.receive(upTo: 1)
            if chunk.isEmpty { break }
            raw += chunk
            if reply == nil, let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) {
                let lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                let status = Int(lines[0].split(separator: " ")[1]) ?? 0
                var fields: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                reply = Reply(status: status, headers: fields, body: "")
                chunked = fields["transfer-encoding"]?.lowercased() == "chunked"
                pending = Array(raw[end.upperBound...])
                raw = []
            } else if reply != nil {
                pending += chunk
                raw = []
            }
            guard reply != nil else { continue }
            let decoded = chunked ? Self.dechunk(&pending) : pending
            if !chunked { pending = [] }
            bodyBytes += decoded
            eventText += String(decoding: decoded, as: UTF8.self)
            while let end = eventText.range(of: "\n\n") {
                let block = eventText[..<end.lowerBound]
                eventText = String(eventText[end.upperBound...])
                var name = "message"
                var data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("data:") { data.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)) }
                }
                if !data.isEmpty { try onEvent(name, data.joined(separator: "\n")) }
            }
        }
        guard var reply else { throw HarnessError("no HTTP answer to \(method) \(path)") }
        reply.body = String(decoding: bodyBytes, as: UTF8.self)
        return reply
    }

    /// Takes every complete chunk off `buffer`, returning their data.
    static func dechunk(_ buffer: inout [UInt8]) -> [UInt8] {
        var data: [UInt8] = []
        while let lineEnd = buffer.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0]
            guard let size = Int(sizeText, radix: 16) else { return data }
            let start = lineEnd.upperBound
            guard buffer.count >= start + size + 2 else { return data }
            data += buffer[start..<(start + size)]
            buffer.removeFirst(start + size + 2)
        }
        return data
    }
}
