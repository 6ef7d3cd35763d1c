import HadirHTTPClient
import HadirUplink
import Testing

/// Network and server faults (DESIGN §7.4) map to the right ``HTTPError`` case.
@Suite struct HTTPTransportFailureTests {
    let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

    @Test func serverSlowerThanTheTotalTimeoutIsATimeout() async throws {
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.totalTimeout = .milliseconds(300) })
        let server = try LoopbackHTTPServer { _ in .delayed(.seconds(30), .response(status: 200, body: "OK".bytes)) }

        let error = await failure(of: .get(server.baseURL + "/iclock/getrequest?SN=X"), through: transport)

        #expect(error?.kind == .timeout)
    }

    @Test func connectionClosedInTheMiddleOfTheBodyIsAReset() async throws {
        let server = try LoopbackHTTPServer { _ in .raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nOK: 1".bytes) }

        let error = await failure(of: .post(server.baseURL + "/iclock/cdata", body: "x".bytes), through: transport)

        #expect(error?.kind == .reset)
    }

    @Test func connectionClosedWithoutAReplyIsAReset() async throws {
        let server = try LoopbackHTTPServer { _ in .closeWithoutReply }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error?.kind == .reset)
        #expect(server.requests.count == 1)
    }

    @Test func connectionResetByTheServerIsAReset() async throws {
        let server = try LoopbackHTTPServer { _ in .reset }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error?.kind == .reset)
    }

    @Test func refusedConnectionIsAConnectError() async throws {
        let closed = try ClosedLoopbackPort()

        let error = await failure(of: .get("http://127.0.0.1:\(closed.port)/iclock/cdata"), through: transport)

        #expect(error?.kind == .connect)
    }

    /// A real resolver failure through libcurl without sending a query: the sandbox's name server
    /// is not on loopback, so `nonexistent.invalid` would leave the machine. glibc refuses to
    /// encode a label over 63 bytes and fails the lookup locally (checked with strace: no packet).
    @Test func unresolvableHostIsADNSError() async throws {
        let host = String(repeating: "a", count: 64) + ".invalid"

        let error = await failure(of: .get("http://\(host)/iclock/cdata"), through: transport)

        #expect(error?.kind == .dns)
        #expect(error?.description.contains(host) == true)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer { _ in .delayed(.seconds(60), .response(status: 200)) }
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.totalTimeout = .seconds(120) })
        let task = Task { await failure(of: .get(server.baseURL + "/"), through: transport) }
        #expect(await server.waitForRequests(1))

        task.cancel()

        #expect(await task.value == .cancelled)
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let transport = transport
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await failure(of: .get(server.baseURL + "/"), through: transport)
        }

        #expect(await task.value == .cancelled)
        #expect(server.requests.isEmpty)
    }
}
