import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HadirControl

@Suite struct JSONErrorMiddlewareTests {
    private struct Person: Codable {
        var pin: String
        var name: String
    }

    private struct Unexpected: Error {}

    private func application() -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware(logger: Logger(label: "test")))
        router.post("/v1/users") { request, _ in
            let person = try await ControlJSON.decode(Person.self, from: request, limit: 256)
            return try ControlJSON.response(person, status: .created)
        }
        router.get("/v1/users/:pin") { _, context -> Response in
            throw ControlAPIError.notFound("no user with PIN \(context.parameters.get("pin") ?? "")")
        }
        router.get("/v1/crash") { _, _ -> Response in throw Unexpected() }
        router.get("/v1/teapot") { _, _ -> Response in throw HTTPError(.conflict, message: "busy enrolling") }
        return Application(router: router)
    }

    private func errorBody(_ response: TestResponse) throws -> ControlErrorBody {
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return try JSONDecoder().decode(ControlErrorBody.self, from: Data(buffer: response.body))
    }

    @Test func aValidBodyIsDecodedAndAnswered() async throws {
        try await application().test(.router) { client in
            try await client.execute(
                uri: "/v1/users", method: .post, body: ByteBuffer(string: #"{"pin":"1001","name":"Siti"}"#)
            ) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body) == #"{"name":"Siti","pin":"1001"}"#)
            }
        }
    }

    @Test func anUnknownRouteIsAJSON404NamingTheIndex() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try errorBody(response)
                #expect(body.status == 404)
                #expect(body.error.contains("GET /v1/nothing"))
            }
        }
    }

    @Test(arguments: [
        ("{", "not valid JSON"),
        (#"{"pin":"1"}"#, #"missing "name""#),
        (#"{"pin":1,"name":"x"}"#, #"at "pin""#),
        ("", "not valid JSON"),
        ("\u{FF}\u{00}", "not valid JSON"),
    ])
    func malformedBodiesAre400sNamingTheProblem(body: String, expected: String) async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/v1/users", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let error = try errorBody(response)
                #expect(error.error.hasPrefix("malformed JSON body"))
                #expect(error.error.contains(expected), "\(error.error)")
            }
        }
    }

    @Test func anOversizedBodyIsA413() async throws {
        try await application().test(.router) { client in
            let big = #"{"pin":"1","name":""# + String(repeating: "x", count: 1000) + #""}"#
            try await client.execute(uri: "/v1/users", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                let body = try errorBody(response)
                #expect(body.status == 413)
            }
        }
    }

    @Test func controlErrorsKeepTheirStatusAndSentence() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/v1/users/77", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try errorBody(response)
                #expect(body == ControlErrorBody(error: "no user with PIN 77", status: 404))
            }
            try await client.execute(uri: "/v1/teapot", method: .get) { response in
                #expect(response.status == .conflict)
                let body = try errorBody(response)
                #expect(body == ControlErrorBody(error: "busy enrolling", status: 409))
            }
        }
    }

    @Test func anUnexpectedErrorIsA500NotACrash() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/v1/crash", method: .get) { response in
                #expect(response.status == .internalServerError)
                let body = try errorBody(response)
                #expect(body.status == 500)
            }
            try await client.execute(uri: "/v1/users", method: .post, body: ByteBuffer(string: #"{"pin":"2","name":"Budi"}"#)) {
                response in
                #expect(response.status == .created)
            }
        }
    }
}
