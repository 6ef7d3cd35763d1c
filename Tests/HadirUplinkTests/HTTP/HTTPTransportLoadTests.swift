import HadirHTTPClient
import HadirUplink
import Testing

/// Many requests, one after another and at the same time: each gets its own handle and thread.
@Suite struct HTTPTransportLoadTests {
    let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

    @Test func twoHundredSequentialRequestsAllSucceed() async throws {
        let server = try LoopbackHTTPServer { request in .response(status: 200, body: request.target.bytes) }

        for index in 0..<200 {
            let response = try await transport.send(.get(server.baseURL + "/iclock/getrequest?SN=X&n=\(index)"))
            #expect(response.status == 200)
            #expect(response.bodyText == "/iclock/getrequest?SN=X&n=\(index)")
        }
        #expect(server.requests.count == 200)
    }

    @Test func eightConcurrentRequestsEachGetTheirOwnReply() async throws {
        // The delay keeps the requests in flight together.
        let server = try LoopbackHTTPServer { request in
            .delayed(.milliseconds(200), .response(status: 200, body: request.target.bytes + request.body))
        }
        let transport = transport

        let replies = await withTaskGroup(of: (Int, Result<HTTPResponse, HTTPError>).self) { group in
            for index in 0..<8 {
                group.addTask {
                    let request = HTTPRequest.post(server.baseURL + "/iclock/cdata?n=\(index)", body: "#\(index)".bytes)
                    do throws(HTTPError) {
                        return (index, .success(try await transport.send(request)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var replies: [Int: Result<HTTPResponse, HTTPError>] = [:]
            for await (index, result) in group {
                replies[index] = result
            }
            return replies
        }

        #expect(replies.count == 8)
        for (index, result) in replies {
            let response = try result.get()
            #expect(response.bodyText == "/iclock/cdata?n=\(index)#\(index)")
        }
    }
}
