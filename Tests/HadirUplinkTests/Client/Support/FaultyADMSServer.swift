import Foundation
import HadirHTTPClient
import HadirUplink
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What the ADMS test server does to one request instead of answering it normally.
enum ADMSFault: Sendable, Hashable {
    /// This status (and `Retry-After`, if given) with `body`; nothing is stored.
    case status(Int, retryAfter: String? = nil, body: String = "")
    /// 200 with a `FAIL` body; nothing is stored.
    case failBody
    /// The upload is stored, then the connection breaks in the middle of the reply: the client never sees the OK.
    case resetMidBody
    /// A TCP reset as soon as the request was read; nothing is stored.
    case resetWithoutReply
    /// The upload is stored, and the OK comes only after `delay` (set it beyond the client's total timeout).
    case slowReply(Duration)

    /// True when the server keeps an upload that met this fault (its reply was lost, not refused).
    var storesUpload: Bool {
        switch self {
        case .resetMidBody, .slowReply: true
        case .status, .failBody, .resetWithoutReply: false
        }
    }
}

/// The ADMS endpoints the server tells apart.
enum ADMSEndpointKind: Sendable, Hashable {
    case handshake
    case options
    case upload(table: String)
    case getRequest
    case deviceCommand
    case other(String)

    static let attendanceUpload = ADMSEndpointKind.upload(table: "ATTLOG")
}

/// One request as the server saw it and what it did about it.
struct ADMSExchange: Sendable {
    var index: Int
    var kind: ADMSEndpointKind
    var method: String
    /// The request path, e.g. `/iclock/cdata`.
    var path: String
    var query: [String: String]
    var body: String
    var fault: ADMSFault?
    /// When the request had been read, and when the server handed its reply over to be sent.
    var arrivedAt: ContinuousClock.Instant
    var answeredAt: ContinuousClock.Instant
    /// The client's stored cursor when the request arrived (from ``FaultyADMSServer/cursorProbe``).
    var cursorAtArrival: Int64?
    /// The highest ATTLOG seq whose OK the server had delivered before this request arrived.
    var acceptedThroughAtArrival: Int64
}

/// One ATTLOG upload with the seqs its lines carry (see ``ClientFixtures/seq(ofPIN:)``).
struct ATTLOGUpload: Sendable {
    enum Disposition: Sendable, Hashable {
        /// Stored and answered `OK: n`.
        case accepted
        /// Stored, but the reply was lost (reset mid-body, too slow).
        case storedReplyLost
        /// Refused (error status, `FAIL`, reset before reading): nothing stored.
        case refused
    }

    var exchange: Int
    var stamp: Int64?
    var lines: [String]
    var seqs: [Int64]
    var disposition: Disposition
    /// The seq a server deduplicating by seq would count as new, in arrival order.
    var isStored: Bool { disposition != .refused }
}

/// A scripted ADMS (iclock push) server on 127.0.0.1 for driving the real ``UplinkClient`` over
/// the real libcurl transport.
///
/// It answers like a well-behaved server (handshake options with a `Date` header, `OK: n` for
/// uploads, `C:<id>:<command>` lines from a queue on getrequest, `OK` on devicecmd) unless a fault
/// is scripted: per endpoint in a queue, or by a rule that sees each request. It records every
/// exchange, every ATTLOG line (with its `Stamp`), and every command result. `setOnline(false)`
/// closes the listener while keeping the port bound, so connections are refused until it is back.
final class FaultyADMSServer: Sendable {
    /// What a fault rule gets to look at.
    struct Request: Sendable {
        var kind: ADMSEndpointKind
        var query: [String: String]
        var body: String
        /// For ATTLOG uploads, the seqs of its lines.
        var seqs: [Int64]
    }

    typealias Rule = @Sendable (Request) -> ADMSFault?

    /// How the handshake reports `ATTLOGStamp`.
    enum StampReply: Sendable, Hashable {
        /// The last Stamp of a stored ATTLOG upload, `None` before one (what django-fingerprint-attendance does).
        case echoLast
        /// This text verbatim (`None`, `0`, `40`, `9999`).
        case text(String)
    }

    private struct State {
        var exchanges: [ADMSExchange] = []
        var uploads: [ATTLOGUpload] = []
        var operationLogBodies: [String] = []
        /// Each devicecmd body's lines, with whether the server answered it OK.
        var commandReports: [(lines: [String], accepted: Bool, at: ContinuousClock.Instant)] = []
        var lastStoredStamp: Int64?
        var acceptedThrough: Int64 = 0
        var stampReplies: [StampReply] = []
        var defaultStamp = StampReply.echoLast
        var extraOptions: [String] = []
        /// Added to the `Date` header: a server whose clock is off.
        var dateSkewSeconds: Double = 0
        var faults: [ADMSEndpointKind: [ADMSFault?]] = [:]
        var rule: Rule?
        var commandGroups: [[String]] = []
        var cursorProbe: (@Sendable () -> Int64)?
    }

    private final class Shared: Sendable {
        let stopping = Atomic(false)
        let wantOnline = Atomic(true)
        let isOnline = Atomic(true)
        let listenerFailed = Atomic(false)
        let state = Mutex(State())
    }

    let port: UInt16
    let serial: String
    private let shared = Shared()

    /// Starts listening on an ephemeral loopback port.
    init(serial: String = ClientFixtures.serial) throws {
        self.serial = serial
        let (fd, port) = try Self.boundSocket(port: 0)
        guard listen(fd, 128) == 0 else {
            close(fd)
            throw LoopbackServerError.setup("listen: errno \(errno)")
        }
        self.port = port
        let thread = Thread { [shared, serial] in
            FaultyADMSServer.acceptLoop(listener: fd, port: port, shared: shared) { request in
                FaultyADMSServer.respond(to: request, serial: serial, shared: shared)
            }
        }
        thread.name = "adms-test-accept"
        thread.start()
    }

    deinit {
        shared.stopping.store(true, ordering: .releasing)
    }

    /// `http://127.0.0.1:<port>/iclock/`.
    var baseURL: String { "http://127.0.0.1:\(port)/iclock/" }

    // MARK: Scripting

    /// Closes the listener (connections are refused, the port stays ours) or opens it again, and
    /// waits until the accept thread has done so.
    func setOnline(_ online: Bool) async throws {
        shared.wantOnline.store(online, ordering: .releasing)
        let deadline = ContinuousClock.now + .seconds(10)
        while shared.isOnline.load(ordering: .acquiring) != online {
            if shared.listenerFailed.load(ordering: .acquiring) { throw LoopbackServerError.setup("could not rebind port \(port)") }
            guard ContinuousClock.now < deadline else { throw LoopbackServerError.setup("listener did not switch to online=\(online)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Faults for the next requests to `kind`, in order; `nil` entries are answered normally.
    func script(_ kind: ADMSEndpointKind, _ faults: [ADMSFault?]) {
        shared.state.withLock { $0.faults[kind, default: []] += faults }
    }

    /// A rule consulted for every request without a scripted fault; nil answers normally.
    func setRule(_ rule: Rule?) {
        shared.state.withLock { $0.rule = rule }
    }

    /// The `ATTLOGStamp` of the next handshakes, one each, before falling back to the default.
    func replyStamps(_ replies: [StampReply]) {
        shared.state.withLock { $0.stampReplies += replies }
    }

    /// The `ATTLOGStamp` used when no one-shot reply is queued.
    func setDefaultStamp(_ reply: StampReply) {
        shared.state.withLock { $0.defaultStamp = reply }
    }

    /// Option lines appended to the handshake reply (later keys win in the client's parser).
    func setExtraOptions(_ lines: [String]) {
        shared.state.withLock { $0.extraOptions = lines }
    }

    /// Makes the handshake's `Date` header this many seconds ahead (negative: behind).
    func setDateSkew(seconds: Double) {
        shared.state.withLock { $0.dateSkewSeconds = seconds }
    }

    /// Command lines for one later getrequest reply (each answered poll takes one group).
    func queueCommands(_ lines: [String]) {
        shared.state.withLock { $0.commandGroups.append(lines) }
    }

    /// Reads the client's stored cursor when each request arrives.
    func setCursorProbe(_ probe: (@Sendable () -> Int64)?) {
        shared.state.withLock { $0.cursorProbe = probe }
    }

    // MARK: Observations

    var exchanges: [ADMSExchange] { shared.state.withLock { $0.exchanges } }
    var uploads: [ATTLOGUpload] { shared.state.withLock { $0.uploads } }
    var operationLogBodies: [String] { shared.state.withLock { $0.operationLogBodies } }
    var commandReports: [(lines: [String], accepted: Bool, at: ContinuousClock.Instant)] {
        shared.state.withLock { $0.commandReports }
    }
    var pendingCommandGroups: Int { shared.state.withLock { $0.commandGroups.count } }

    /// Seqs of accepted ATTLOG uploads, in arrival order.
    var acceptedSeqs: [Int64] { uploads.filter { $0.disposition == .accepted }.flatMap(\.seqs) }
    /// Seqs the server stored (accepted, or stored with a lost reply), in arrival order.
    var storedSeqs: [Int64] { uploads.filter(\.isStored).flatMap(\.seqs) }

    /// Result lines (`ID=…&Return=…&CMD=…`) of accepted devicecmd requests, in order; INFO's
    /// extra lines excluded.
    var reportedResults: [String] {
        commandReports.filter(\.accepted).flatMap { $0.lines.filter { $0.hasPrefix("ID=") } }
    }

    /// The accepted result lines for `id`.
    func results(for id: String) -> [String] {
        reportedResults.filter { $0.hasPrefix("ID=\(id)&") }
    }

    /// Waits (bounded, so a broken client fails the test instead of hanging it) until `condition` holds.
    func waitUntil(_ limit: Duration = .seconds(60), _ condition: (FaultyADMSServer) throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return try condition(self)
    }

    // MARK: Answering

    private static func respond(to request: RecordedRequest, serial: String, shared: Shared) -> LoopbackHTTPServer.Reply {
        let arrived = ContinuousClock.now
        let (path, query) = split(request.target)
        let endpoint = path.split(separator: "/").last.map { String($0).replacingOccurrences(of: ".aspx", with: "") } ?? ""
        let body = String(decoding: request.body, as: UTF8.self)
        let kind: ADMSEndpointKind
        switch (endpoint, request.method) {
        case ("cdata", "GET") where query["options"] != nil: kind = .handshake
        case ("cdata", "POST") where query["table"]?.lowercased() == "options": kind = .options
        case ("cdata", "POST"): kind = .upload(table: (query["table"] ?? "").uppercased())
        case ("getrequest", _): kind = .getRequest
        case ("devicecmd", "POST"): kind = .deviceCommand
        default: kind = .other(endpoint)
        }
        let lines = body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init).filter { !$0.isEmpty }
        let seqs = kind == .attendanceUpload ? lines.map(ClientFixtures.seq(ofLine:)) : []
        let view = Request(kind: kind, query: query, body: body, seqs: seqs)

        let (probe, rule, queued) = shared.state.withLock { state -> ((@Sendable () -> Int64)?, Rule?, ADMSFault??) in
            var queued: ADMSFault?? = nil
            if var list = state.faults[kind], !list.isEmpty {
                queued = list.removeFirst()
                state.faults[kind] = list
            }
            return (state.cursorProbe, state.rule, queued)
        }
        let cursor = probe?()
        // A queued entry (even a nil one, "answer normally") wins over the rule.
        let fault: ADMSFault? = queued ?? rule?(view)

        return shared.state.withLock { state -> LoopbackHTTPServer.Reply in
            let index = state.exchanges.count
            let acceptedThrough = state.acceptedThrough
            var normal: LoopbackHTTPServer.Reply
            switch kind {
            case .handshake:
                let stamp = state.stampReplies.isEmpty ? state.defaultStamp : state.stampReplies.removeFirst()
                let stampText: String
                switch stamp {
                case .echoLast: stampText = state.lastStoredStamp.map(String.init) ?? "None"
                case .text(let text): stampText = text
                }
                let options =
                    [
                        "GET OPTION FROM: \(serial)", "ATTLOGStamp=\(stampText)", "OPERLOGStamp=9999", "ATTPHOTOStamp=None",
                        "ErrorDelay=30", "Delay=2", "TransTimes=00:00;14:05", "TransInterval=1",
                        "TransFlag=TransData AttLog OpLog EnrollUser ChgUser EnrollFP ChgFP", "TimeZone=7", "Realtime=1",
                        "Encrypt=None", "ServerVer=2.4.1", "PushProtVer=2.4.1",
                    ] + state.extraOptions
                normal = .response(
                    status: 200, headers: [HTTPHeader(name: "Date", value: imfDate(Date().addingTimeInterval(state.dateSkewSeconds)))],
                    body: Array((options.joined(separator: "\n") + "\n").utf8))
            case .options:
                normal = ok("OK")
            case .upload(let table):
                if table == "ATTLOG" {
                    let disposition: ATTLOGUpload.Disposition =
                        fault == nil ? .accepted : (fault?.storesUpload == true ? .storedReplyLost : .refused)
                    let stamp = query["Stamp"].flatMap { Int64($0) }
                    state.uploads.append(ATTLOGUpload(exchange: index, stamp: stamp, lines: lines, seqs: seqs, disposition: disposition))
                    if disposition != .refused, let stamp { state.lastStoredStamp = stamp }
                    if disposition == .accepted { state.acceptedThrough = max(state.acceptedThrough, seqs.max() ?? 0) }
                } else if table == "OPERLOG", fault == nil || fault?.storesUpload == true {
                    state.operationLogBodies.append(body)
                }
                normal = ok("OK: \(lines.count)")
            case .getRequest:
                if fault == nil, !state.commandGroups.isEmpty {
                    normal = ok(state.commandGroups.removeFirst().joined(separator: "\n") + "\n")
                } else {
                    normal = ok("OK")
                }
            case .deviceCommand:
                state.commandReports.append((lines, fault == nil, arrived))
                normal = ok("OK")
            case .other:
                normal = ok("OK")
            }
            state.exchanges.append(
                ADMSExchange(
                    index: index, kind: kind, method: request.method, path: path, query: query, body: body, fault: fault,
                    arrivedAt: arrived,
                    answeredAt: ContinuousClock.now, cursorAtArrival: cursor, acceptedThroughAtArrival: acceptedThrough))
            guard let fault else { return normal }
            switch fault {
            case .status(let status, let retryAfter, let body):
                return .response(
                    status: status, headers: retryAfter.map { [HTTPHeader(name: "Retry-After", value: $0)] } ?? [],
                    body: Array(body.utf8))
            case .failBody:
                return ok("FAIL")
            case .resetMidBody:
                return .raw(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nOK".utf8))
            case .resetWithoutReply:
                return .reset
            case .slowReply(let delay):
                return .delayed(delay, normal)
            }
        }
    }

    private static func ok(_ text: String) -> LoopbackHTTPServer.Reply {
        .response(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/plain")], body: Array(text.utf8))
    }

    /// Path and percent-decoded query parameters of a request target.
    static func split(_ target: String) -> (String, [String: String]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, [:]) }
        var query: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            query[String(parts[0])] = value.removingPercentEncoding ?? value
        }
        return (String(target[..<mark]), query)
    }

    /// `Mon, 23 Nov 2026 07:57:47 GMT`.
    static func imfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    // MARK: Sockets

    /// A TCP socket bound to 127.0.0.1:`port` (0 = ephemeral), with SO_REUSEADDR so the port can be
    /// bound again while old connections sit in TIME_WAIT.
    private static func boundSocket(port: UInt16) throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError.setup("socket: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else {
            close(fd)
            throw LoopbackServerError.setup("bind 127.0.0.1:\(port): errno \(errno)")
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func acceptLoop(
        listener: Int32, port: UInt16, shared: Shared, handler: @escaping @Sendable (RecordedRequest) -> LoopbackHTTPServer.Reply
    ) {
        var fd = listener
        var listening = true
        defer { close(fd) }
        while !shared.stopping.load(ordering: .acquiring) {
            let want = shared.wantOnline.load(ordering: .acquiring)
            if want != listening {
                if want {
                    guard listen(fd, 128) == 0 else {
                        shared.listenerFailed.store(true, ordering: .releasing)
                        return
                    }
                } else {
                    // A bound socket that does not listen: the kernel answers SYNs with RST (refused).
                    close(fd)
                    guard let (offline, _) = try? boundSocket(port: port) else {
                        fd = -1
                        shared.listenerFailed.store(true, ordering: .releasing)
                        return
                    }
                    fd = offline
                }
                listening = want
                shared.isOnline.store(want, ordering: .releasing)
            }
            guard listening else {
                usleep(5_000)
                continue
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) > 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            let thread = Thread { serve(client: client, handler: handler) }
            thread.name = "adms-test-connection"
            thread.start()
        }
    }

    private static func serve(client: Int32, handler: @Sendable (RecordedRequest) -> LoopbackHTTPServer.Reply) {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        switch LoopbackHTTPServer.readRequest(from: client) {
        case .request(let request):
            LoopbackHTTPServer.act(handler(request), on: client)
        case .notHTTP, .closed:
            close(client)
        }
    }
}
