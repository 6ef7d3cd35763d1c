import Testing

@testable import HadirControl

@Suite struct AdminAccessRulesTests {
    let token = Array("0123456789abcdef".utf8)

    func decide(
        _ method: String = "GET", _ path: String = "/v1/status", authorization: String? = nil, cookie: String? = nil,
        csrf: String? = nil, live: Set<String> = ["good"]
    ) -> AdminAccessRules.Decision {
        AdminAccessRules.decide(
            method: method, path: path, authorization: authorization, cookie: cookie, csrfHeader: csrf, token: token,
            isLiveSession: { live.contains($0) })
    }

    @Test(arguments: ["/admin", "/admin/", "/admin/admin.js", "/admin/login", "/admin/session"])
    func adminPageAndLoginAreOpen(path: String) {
        #expect(decide("GET", path) == .open)
        #expect(decide("POST", path) == .open)
    }

    @Test(arguments: ["/administrator", "/v1/admin", "/adminx"])
    func lookalikePathsAreNotOpen(path: String) {
        #expect(decide("GET", path) == .unauthorized("missing or wrong bearer token"))
    }

    @Test func bearerTokenStillWorksAndAWrongOneIsRefused() {
        #expect(decide("POST", "/v1/sync", authorization: "Bearer 0123456789abcdef") == .bearerToken)
        #expect(decide("GET", authorization: "bearer 0123456789abcdef") == .bearerToken)
        #expect(decide("GET", authorization: "Bearer 0123456789abcdeX") == .unauthorized("missing or wrong bearer token"))
        // A wrong token is not rescued by a good cookie.
        #expect(decide("GET", authorization: "Bearer nope", cookie: "hadir_admin=good") == .unauthorized("missing or wrong bearer token"))
    }

    @Test func liveSessionCookieReadsWithoutTheCSRFHeader() {
        #expect(decide("GET", cookie: "theme=dark; hadir_admin=good") == .adminSession("good"))
    }

    @Test func endedSessionIsUnauthorized() {
        #expect(decide("GET", cookie: "hadir_admin=stale") == .unauthorized("the admin session has ended; log in again at /admin"))
    }

    @Test(arguments: ["POST", "DELETE", "PUT", "PATCH"])
    func cookieWriteNeedsTheCSRFHeader(method: String) {
        #expect(
            decide(method, "/v1/enroll", cookie: "hadir_admin=good")
                == .forbidden("a write from the admin page needs the X-Hadir-Admin: 1 header"))
        #expect(decide(method, "/v1/enroll", cookie: "hadir_admin=good", csrf: "0") != .adminSession("good"))
        #expect(decide(method, "/v1/enroll", cookie: "hadir_admin=good", csrf: "1") == .adminSession("good"))
    }

    @Test func noCredentialsIsUnauthorized() {
        #expect(decide("GET") == .unauthorized("missing or wrong bearer token"))
        #expect(decide("GET", cookie: "other=1") == .unauthorized("missing or wrong bearer token"))
        #expect(decide("GET", cookie: "hadir_admin=") == .unauthorized("missing or wrong bearer token"))
    }

    @Test func cookieValueParsing() {
        #expect(AdminAccessRules.cookieValue("a=1; hadir_admin=xyz; b=2", named: "hadir_admin") == "xyz")
        #expect(AdminAccessRules.cookieValue("hadir_admin=xyz", named: "hadir_admin") == "xyz")
        #expect(AdminAccessRules.cookieValue("xhadir_admin=xyz", named: "hadir_admin") == nil)
        #expect(AdminAccessRules.cookieValue(nil, named: "hadir_admin") == nil)
    }
}
