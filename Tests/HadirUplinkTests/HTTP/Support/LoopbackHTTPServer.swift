import Foundation
import HadirHTTPClient
import HadirUplink
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for driving the real libcurl
/// transport through scripted server behaviours.
///
/// Each connection is served on its own thread with blocking POSIX calls: read one request, record
/// it exactly as received, then act out the ``Reply`` the handler picks for it.
final class LoopbackHTTPServer: Sendable {
    /// What the server does after reading a request.
    indirect enum Reply: Sendable {
        /// A complete response with a correct Content-Length, then close.
        case response(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [])
        /// These bytes verbatim, then close (for malformed, partial or multi-part replies).
        case raw([UInt8])
        /// Waits (returning early if the client hangs up), then acts out the reply.
        case delayed(Duration, Reply)
        /// Closes the connection without a byte of reply.
        case closeWithoutReply
        /// Aborts the connection with a TCP reset.
        case reset
    }

    /// State the server threads share with the test, kept apart from the server object so the
    /// threads do not keep it alive: dropping the server stops it.
    private final class Shared: Sendable {
        let stopping = Atomic(false)
        let recorded = Mutex<[RecordedRequest]>([])
    }

    let port: UInt16
    private let shared = Shared()

    /// Starts listening; `handler` picks the reply for each request (it runs on server threads).
    init(handler: @escaping @Sendable (RecordedRequest) -> Reply) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError.setup("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw LoopbackServerError.setup("bind/listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw LoopbackServerError.setup("getsockname: errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [shared] in LoopbackHTTPServer.acceptLoop(listener: fd, shared: shared, handler: handler) }
        thread.name = "loopback-http-accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// Base URL such as `http://127.0.0.1:41234`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request read so far, in arrival order.
    var requests: [RecordedRequest] { shared.recorded.withLock { $0 } }

    /// Stops accepting; the accept thread notices within its poll interval and closes the socket.
    func stop() {
        shared.stopping.store(true, ordering: .releasing)
    }

    /// Waits until at least `count` requests have arrived (bounded, so a broken test fails
    /// instead of hanging).
    func waitForRequests(_ count: Int, limit: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if requests.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    private static func acceptLoop(listener: Int32, shared: Shared, handler: @escaping @Sendable (RecordedRequest) -> Reply) {
        defer { close(listener) }
        while !shared.stopping.load(ordering: .acquiring) {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let thread = Thread { serve(client: client, shared: shared, handler: handler) }
            thread.name = "loopback-http-connection"
            thread.start()
        }
    }

    private static func serve(client: Int32, shared: Shared, handler: @Sendable (RecordedRequest) -> Reply) {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)  // a broken client must not pin the thread
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        switch readRequest(from: client) {
        case .request(let request):
            shared.recorded.withLock { $0.append(request) }
            act(handler(request), on: client)
        case .notHTTP:
            // What a plain web server does with, say, a TLS ClientHello.
            act(.raw(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)), on: client)
        case .closed:
            close(client)
        }
    }

    /// Acts out `reply` on an accepted connection and closes it (also used by the ADMS test server).
    static func act(_ reply: Reply, on client: Int32) {
        switch reply {
        case .response(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(reason(for: status))\r\n"
            for header in headers {
                head += "\(header.name): \(header.value)\r\n"
            }
            head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            sendAll(Array(head.utf8) + body, to: client)
            close(client)
        case .raw(let bytes):
            sendAll(bytes, to: client)
            close(client)
        case .delayed(let delay, let next):
            let milliseconds = Int32(clamping: delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)
            var descriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, milliseconds) > 0 {
                close(client)  // the client gave up (timeout or cancel): nothing left to answer
                return
            }
            act(next, on: client)
        case .closeWithoutReply:
            close(client)
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)  // close(2) then sends RST, not FIN
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(client)
        }
    }

    enum ReadOutcome {
        case request(RecordedRequest)
        /// The client sent something that does not start like an HTTP request.
        case notHTTP
        case closed
    }

    /// Reads the head up to the blank line, then a Content-Length body, or a chunked body up to
    /// its last chunk (curl should never send one, but the test wants to see it if it does).
    static func readRequest(from fd: Int32) -> ReadOutcome {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            guard buffer.count < 1 << 16, let chunk = receive(from: fd) else { return .closed }
            buffer += chunk
            if let first = buffer.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) { return .notHTTP }
            headEnd = buffer.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A])?.upperBound
        }
        guard let headEnd, var request = RecordedRequest(head: Array(buffer[..<headEnd])) else { return .notHTTP }
        var body = Array(buffer[headEnd...])
        if let length = request.value(for: "Content-Length").flatMap({ Int($0) }) {
            while body.count < length {
                guard let chunk = receive(from: fd) else { return .closed }
                body += chunk
            }
        } else if request.value(for: "Transfer-Encoding")?.lowercased() == "chunked" {
            while body.firstRange(of: Array("0\r\n\r\n".utf8)) == nil {
                guard let chunk = receive(from: fd) else { return .closed }
                body += chunk
            }
        }
        request.body = body
        return .request(request)
    }

    private static func receive(from fd: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got > 0 { return Array(chunk.prefix(got)) }
            if got < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private static func sendAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that already left must not kill the test process with SIGPIPE.
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 403: "Forbidden"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

enum LoopbackServerError: Error {
    case setup(String)
}
