import Foundation
import HadirHTTPClient
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

@testable import HadirControl

/// The client against real listeners: Hummingbird on a unix socket and on loopback TCP, libcurl
/// on the other end.
@Suite struct ControlHTTPClientTests {
    private struct Echo: Codable, Equatable {
        var text: String
    }

    private static func routes(_ router: Router<ControlRequestContext>) {
        router.get("/v1/status") { _, _ in try ControlJSON.response(Echo(text: "ok")) }
        router.post("/v1/echo") { request, _ in try ControlJSON.response(try await ControlJSON.decode(Echo.self, from: request)) }
        router.get("/v1/missing") { _, _ -> Response in throw ControlAPIError.notFound("no user with PIN 9") }
        router.get("/v1/plain-error") { _, _ in
            Response(status: .badGateway, body: ResponseBody(byteBuffer: ByteBuffer(string: "upstream")))
        }
        router.get("/v1/not-json") { _, _ in "just text" }
        router.get("/v1/events") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: ResponseBody { writer in
                    for index in 1...3 {
                        try await writer.write(ByteBuffer(bytes: ServerSentEvent.keepAlive))
                        try await writer.write(ByteBuffer(bytes: ServerSentEvent(event: "stage", data: "\(index)").encoded))
                    }
                    try await writer.finish(nil)
                })
        }
    }

    /// Runs the listeners for the duration of `body`.
    private func withServer(
        tcpPort: Int? = nil, tcpLimits: ControlListenerLimits = .lanDefaults, _ body: @Sendable (_ socket: String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-ctl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let socket = directory.appendingPathComponent("control.sock").path
        var endpoints: [ControlEndpoint] = [.unixSocket(path: socket, group: nil)]
        if let tcpPort { endpoints.append(.tcp(host: "127.0.0.1", port: tcpPort, token: "0123456789abcdef")) }
        let readiness = ControlReadiness(listeners: endpoints.count)
        var logger = Logger(label: "control-test")
        logger.logLevel = .error
        let listeners = endpoints.map { endpoint in
            guard case .tcp = endpoint else {
                return ControlListener(
                    endpoint: endpoint, limits: .unixSocket(idleTimeoutSeconds: 30, maximumBodyBytes: 65_536), logger: logger)
            }
            return ControlListener(endpoint: endpoint, limits: tcpLimits, logger: logger)
        }
        let services = ControlApplications.make(listeners: listeners, readiness: readiness, logger: logger, routes: Self.routes)
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await readiness.wait())
            do {
                try await body(socket)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The client blocks its thread (hadirctl has nothing else to do); off the cooperative pool,
    /// so on a 2-core machine it cannot starve the server it is talking to.
    private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func callsSucceedAndErrorsCarryTheDaemonsSentence() async throws {
        try await withServer { socket in
            try await blocking {
                let client = ControlHTTPClient(endpoint: .unixSocket(socket))
                let status = try client.call(.get, "/v1/status", as: Echo.self)
                #expect(status == Echo(text: "ok"))
                let echoed = try client.call(.post, "/v1/echo", json: Echo(text: "Tempelkan jari"), as: Echo.self)
                #expect(echoed == Echo(text: "Tempelkan jari"))
                #expect(throws: ControlClientError.refused(status: 404, message: "no user with PIN 9")) {
                    try client.send(.get, "/v1/missing")
                }
                #expect(throws: ControlClientError.refused(status: 502, message: "HTTP 502: upstream")) {
                    try client.send(.get, "/v1/plain-error")
                }
                #expect(throws: ControlClientError.badReply("just text")) { try client.call(.get, "/v1/not-json", as: Echo.self) }
            }
        }
    }

    @Test func theSocketIsMode0660() async throws {
        try await withServer { socket in
            let attributes = try FileManager.default.attributesOfItem(atPath: socket)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
        }
    }

    @Test func streamsDeliverEachEventAndStopWhenAsked() async throws {
        try await withServer { socket in
            try await blocking {
                let client = ControlHTTPClient(endpoint: .unixSocket(socket))
                var all: [String] = []
                try client.stream(.get, "/v1/events") { event in
                    all.append(event.data)
                    return true
                }
                #expect(all == ["1", "2", "3"])
                var first: [String] = []
                try client.stream(.get, "/v1/events") { event in
                    first.append(event.data)
                    return false
                }
                #expect(first == ["1"])
                #expect(throws: ControlClientError.refused(status: 404, message: "no user with PIN 9")) {
                    try client.stream(.get, "/v1/missing") { _ in true }
                }
            }
        }
    }

    @Test func theLANListenerNeedsTheToken() async throws {
        let port = Int.random(in: 20_000..<40_000)
        try await withServer(tcpPort: port) { _ in
            try await blocking {
                let base = "http://127.0.0.1:\(port)"
                let good = ControlHTTPClient(endpoint: .remote(baseURL: base, token: "0123456789abcdef"))
                let status = try good.call(.get, "/v1/status", as: Echo.self)
                #expect(status == Echo(text: "ok"))
                for token in [nil, "0123456789abcdeX"] {
                    let bad = ControlHTTPClient(endpoint: .remote(baseURL: base + "/", token: token))
                    #expect(throws: ControlClientError.refused(status: 401, message: "missing or wrong bearer token")) {
                        try bad.send(.get, "/v1/status")
                    }
                }
            }
        }
    }

    @Test func aMissingSocketIsExplainedNotJustRefused() throws {
        let client = ControlHTTPClient(endpoint: .unixSocket("/nonexistent/hadir/control.sock"))
        do {
            _ = try client.send(.get, "/v1/status")
            Issue.record("a missing socket answered")
        } catch {
            guard case .daemonUnreachable(let path, let detail) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "/nonexistent/hadir/control.sock")
            #expect(detail.contains("is hadird running?"))
        }
    }

    @Test(arguments: [("1001", "1001"), ("Siti Rahma", "Siti%20Rahma"), ("a&b=c/d", "a%26b%3Dc%2Fd"), ("é", "%C3%A9")])
    func queryValuesArePercentEncoded(raw: String, encoded: String) {
        #expect(ControlHTTPClient.percentEncoded(raw) == encoded)
    }
}
