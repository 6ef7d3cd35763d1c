import HadirHTTPClient
import HadirUplink
import Testing

/// What libcurl actually puts on the wire, as recorded by the loopback server.
@Suite struct HTTPTransportRequestTests {
    let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

    @Test func getSendsTheHeadersRealDevicesSendAndAsksToCloseTheConnection() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200, body: "OK".bytes) }
        let target = "/iclock/cdata?SN=TEST123&options=all&pushver=2.4.1&language=73"

        _ = try await transport.send(.get(server.baseURL + target))

        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "GET")
        #expect(recorded.target == target)
        #expect(recorded.version == "HTTP/1.1")
        #expect(recorded.headers.values(for: "Connection") == ["close"])
        #expect(recorded.headers.values(for: "Accept") == ["*/*"])
        #expect(recorded.headers.values(for: "User-Agent") == ["iClock Proxy/1.09"])
        #expect(recorded.value(for: "Host") == "127.0.0.1:\(server.port)")
        #expect(recorded.value(for: "Expect") == nil)
        #expect(recorded.value(for: "Transfer-Encoding") == nil)
        #expect(recorded.body.isEmpty)
    }

    @Test func postSendsAnExplicitContentLengthWithoutExpectOrChunking() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200, body: "OK: 40".bytes) }
        // Over 1 KiB, where older libcurl releases start adding "Expect: 100-continue".
        let lines = (1...40).map { "\(1000 + $0)\t2024-07-30 08:\($0 % 60 < 10 ? "0" : "")\($0 % 60):00\t0\t1\t0\t0\t0" }
        let body = lines.joined(separator: "\n").bytes
        #expect(body.count > 1024)

        _ = try await transport.send(.post(server.baseURL + "/iclock/cdata?SN=TEST123&table=ATTLOG&Stamp=40", body: body))

        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.target == "/iclock/cdata?SN=TEST123&table=ATTLOG&Stamp=40")
        #expect(recorded.headers.values(for: "Content-Length") == ["\(body.count)"])
        #expect(recorded.value(for: "Expect") == nil)
        #expect(recorded.value(for: "Transfer-Encoding") == nil)
        #expect(recorded.headers.values(for: "Connection") == ["close"])
        #expect(recorded.value(for: "Content-Type") == nil, "libcurl's default form content type is removed")
        #expect(recorded.body == body)
    }

    @Test func megabytePostBodyArrivesIntactWithoutExpect() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200, body: "OK".bytes) }
        var generator = SystemRandomNumberGenerator()
        // Just over 1 MiB, where libcurl 7.88 adds "Expect: 100-continue" unless told not to.
        let body = (0..<((1 << 20) + 4096)).map { _ in UInt8.random(in: 0...255, using: &generator) }

        let response = try await transport.send(.post(server.baseURL + "/iclock/cdata", body: body))

        #expect(response.status == 200)
        let recorded = try #require(server.requests.first)
        #expect(recorded.value(for: "Content-Length") == "\(body.count)")
        #expect(recorded.value(for: "Expect") == nil)
        #expect(recorded.body == body)
    }

    @Test func emptyPostSendsContentLengthZero() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200, body: "OK".bytes) }

        _ = try await transport.send(.post(server.baseURL + "/iclock/devicecmd?SN=X", body: []))

        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.value(for: "Content-Length") == "0")
        #expect(recorded.body.isEmpty)
    }

    @Test func callerHeadersFollowTheTransportDefaultsInOrder() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let headers = [
            HTTPHeader(name: "Content-Type", value: "text/plain; charset=utf-8"),
            HTTPHeader(name: "X-Tenant", value: "bkpsdm"),
            HTTPHeader(name: "X-Empty", value: ""),
        ]

        _ = try await transport.send(.post(server.baseURL + "/", body: "x".bytes, headers: headers))

        let recorded = try #require(server.requests.first)
        #expect(recorded.headers.values(for: "Content-Type") == ["text/plain; charset=utf-8"])
        #expect(recorded.headers.values(for: "X-Empty") == [""])
        let names = recorded.headers.map(\.name)
        let tenant = try #require(names.firstIndex(of: "X-Tenant"))
        let empty = try #require(names.firstIndex(of: "X-Empty"))
        let connection = try #require(names.firstIndex(of: "Connection"))
        #expect(connection < tenant && tenant < empty)
    }

    @Test func callerMayReplaceUserAgentAndAccept() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let headers = [HTTPHeader(name: "user-agent", value: "Hadir/1.0"), HTTPHeader(name: "Accept", value: "text/plain")]

        _ = try await transport.send(.get(server.baseURL + "/", headers: headers))

        let recorded = try #require(server.requests.first)
        #expect(recorded.headers.values(for: "User-Agent") == ["Hadir/1.0"])
        #expect(recorded.headers.values(for: "Accept") == ["text/plain"])
    }

    @Test func configuredUserAgentIsSent() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.userAgent = "eSSL Proxy/2.0" })

        _ = try await transport.send(.get(server.baseURL + "/"))

        #expect(server.requests.first?.headers.values(for: "User-Agent") == ["eSSL Proxy/2.0"])
    }

    @Test(arguments: HTTPRequest.reservedHeaderNames)
    func framingHeadersFromTheCallerAreRefusedBeforeAnythingIsSent(name: String) async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let request = HTTPRequest.post(server.baseURL + "/", body: "x".bytes, headers: [HTTPHeader(name: name.uppercased(), value: "1")])

        let error = await failure(of: request, through: transport)

        #expect(error?.kind == .invalidRequest)
        #expect(server.requests.isEmpty)
    }

    @Test func headerValueWithLineBreakIsRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 200) }
        let request = HTTPRequest.get(server.baseURL + "/", headers: [HTTPHeader(name: "X-Note", value: "a\r\nX-Injected: 1")])

        let error = await failure(of: request, through: transport)

        #expect(error?.kind == .invalidRequest)
        #expect(server.requests.isEmpty)
    }

    @Test func getWithABodyIsRefused() async throws {
        let request = HTTPRequest(method: .get, url: "http://127.0.0.1:1/", body: "x".bytes)

        #expect(await failure(of: request, through: transport)?.kind == .invalidRequest)
    }

    @Test(arguments: ["", "127.0.0.1/iclock/", "ftp://127.0.0.1:1/x", "file:///etc/hostname", "http://127.0.0.1/a b", "http://[::1/"])
    func urlThatIsNotAValidHTTPURLIsRefused(url: String) async {
        #expect(await failure(of: .get(url), through: transport)?.kind == .invalidRequest)
    }
}
