import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HadirControl

@Suite struct BearerTokenTests {
    @Test(arguments: [
        ("secret-token-1234", "secret-token-1234", true),
        ("secret-token-1234", "secret-token-1235", false),
        ("secret-token-1234", "secret-token-123", false),
        ("secret-token-1234", "", false),
        ("", "", true),
    ])
    func constantTimeComparison(lhs: String, rhs: String, equal: Bool) {
        #expect(BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual(Array(lhs.utf8), Array(rhs.utf8)) == equal)
    }

    /// Lengths 256 apart fold to the same byte; they must still differ.
    @Test func lengthsThatDifferByAMultipleOf256AreUnequal() {
        let short: [UInt8] = []
        let long = [UInt8](repeating: 0, count: 256)
        #expect(!BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual(short, long))
        #expect(!BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual(long, short))
    }

    private func application() -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware(logger: Logger(label: "test")))
        router.add(middleware: BearerTokenMiddleware(token: "0123456789abcdef"))
        router.get("/v1/status") { _, _ in "fine" }
        return Application(router: router)
    }

    @Test(arguments: [
        nil, "Bearer wrong-token-000000", "Basic MDEyMzQ1Njc4OWFiY2RlZg==", "Bearer 0123456789abcdeF", "Bearer",
        "Bearer  0123456789abcdef", "Bearer 0123456789abcdef0",
    ])
    func requestsWithoutTheRightTokenGet401(authorization: String?) async throws {
        try await application().test(.router) { client in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            try await client.execute(uri: "/v1/status", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="hadir""#)
                #expect(String(buffer: response.body).contains(#""status":401"#))
            }
        }
    }

    @Test(arguments: ["Bearer 0123456789abcdef", "bearer 0123456789abcdef"])
    func theRightTokenPasses(authorization: String) async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: authorization]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "fine")
            }
        }
    }
}
