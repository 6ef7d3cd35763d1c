import HadirHTTPClient
import HadirUplink
import Testing

/// How server replies, tidy or not, come back as ``HTTPResponse`` values.
@Suite struct HTTPTransportResponseTests {
    let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

    @Test func okReplyCarriesStatusRawDateHeaderBodyAndRoundTrip() async throws {
        let date = "Tue, 30 Jul 2024 08:15:00 GMT"
        let body = "GET OPTION FROM: TEST123\nATTLOGStamp=None\nDelay=10\nTimeZone=7\n".bytes
        let server = try LoopbackHTTPServer { _ in
            .response(
                status: 200, headers: [HTTPHeader(name: "Date", value: date), HTTPHeader(name: "Content-Type", value: "text/plain")],
                body: body)
        }

        let response = try await transport.send(.get(server.baseURL + "/iclock/cdata?SN=TEST123&options=all"))

        #expect(response.status == 200)
        #expect(response.isSuccessStatus)
        #expect(response.date == date)
        #expect(response.value(for: "content-type") == "text/plain")
        #expect(response.value(for: "CONTENT-LENGTH") == "\(body.count)")
        #expect(response.body == body)
        #expect(response.bodyText.hasPrefix("GET OPTION FROM: TEST123"))
        #expect(response.roundTripDuration > .zero)
    }

    @Test(arguments: [(500, "Internal error"), (503, "UNKNOWN DEVICE"), (403, "device awaiting approval")])
    func serverErrorStatusIsAResponseWithItsBody(status: Int, text: String) async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: status, body: text.bytes) }

        let response = try await transport.send(.post(server.baseURL + "/iclock/cdata?SN=X&table=ATTLOG&Stamp=1", body: "1\t2024".bytes))

        #expect(response.status == status)
        #expect(!response.isSuccessStatus)
        #expect(response.bodyText == text)
    }

    @Test func redirectIsReportedAndNotFollowed() async throws {
        let server = try LoopbackHTTPServer { _ in
            .response(status: 302, headers: [HTTPHeader(name: "Location", value: "/elsewhere")], body: "moved".bytes)
        }

        let response = try await transport.send(.get(server.baseURL + "/iclock/getrequest?SN=X"))

        #expect(response.status == 302)
        #expect(response.value(for: "Location") == "/elsewhere")
        #expect(server.requests.count == 1)
    }

    @Test func interimContinueResponseLeavesOnlyTheFinalHeaders() async throws {
        let reply =
            "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 200 OK\r\nDate: Tue, 30 Jul 2024 08:15:00 GMT\r\nContent-Length: 2\r\n\r\nOK"
        let server = try LoopbackHTTPServer { _ in .raw(reply.bytes) }

        let response = try await transport.send(.post(server.baseURL + "/iclock/cdata", body: "x".bytes))

        #expect(response.status == 200)
        #expect(response.value(for: "X-Interim") == nil)
        #expect(response.headers.map(\.name) == ["Date", "Content-Length"])
        #expect(response.bodyText == "OK")
    }

    @Test func foldedHeaderIsJoinedAndDuplicatesAreKeptInOrder() async throws {
        let reply = "HTTP/1.1 200 OK\r\nX-Folded: first\r\n \t second\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 2\r\n\r\nOK"
        let server = try LoopbackHTTPServer { _ in .raw(reply.bytes) }

        let response = try await transport.send(.get(server.baseURL + "/"))

        #expect(response.value(for: "x-folded") == "first second")
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(response.value(for: "Set-Cookie") == "a=1")
    }

    @Test func bodyWithoutContentLengthIsReadUntilTheServerCloses() async throws {
        let body = String(repeating: "OK\n", count: 1000).bytes
        let server = try LoopbackHTTPServer { _ in .raw("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n".bytes + body) }

        let response = try await transport.send(.get(server.baseURL + "/"))

        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test func bodyExactlyAtTheLimitIsAccepted() async throws {
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.maxResponseBytes = 1000 })
        let body = [UInt8](repeating: 0x41, count: 1000)
        let server = try LoopbackHTTPServer { _ in .raw("HTTP/1.1 200 OK\r\n\r\n".bytes + body) }

        let response = try await transport.send(.get(server.baseURL + "/"))

        #expect(response.body == body)
    }

    @Test func announcedBodyOverTheLimitIsRefused() async throws {
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.maxResponseBytes = 1000 })
        let server = try LoopbackHTTPServer { _ in .response(status: 200, body: [UInt8](repeating: 0x41, count: 5000)) }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error == .responseTooLarge(1000))
    }

    @Test func unannouncedBodyOverTheLimitIsRefused() async throws {
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.maxResponseBytes = 1000 })
        let server = try LoopbackHTTPServer { _ in .raw("HTTP/1.0 200 OK\r\n\r\n".bytes + [UInt8](repeating: 0x41, count: 5000)) }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error == .responseTooLarge(1000))
    }

    @Test func endlessHeadersAreRefused() async throws {
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.maxResponseBytes = 1000 })
        let headers = (0..<100).map { "X-Padding-\($0): \(String(repeating: "p", count: 80))\r\n" }.joined()
        let server = try LoopbackHTTPServer { _ in .raw("HTTP/1.1 200 OK\r\n\(headers)Content-Length: 2\r\n\r\nOK".bytes) }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error == .responseTooLarge(1000))
    }

    @Test func replyThatIsNotHTTPIsNotMistakenForABadRequest() async throws {
        let server = try LoopbackHTTPServer { _ in .raw("SSH-2.0-OpenSSH_9.2\r\n".bytes) }

        let error = await failure(of: .get(server.baseURL + "/"), through: transport)

        #expect(error != nil)
        #expect(error?.kind != .invalidRequest)
    }
}
