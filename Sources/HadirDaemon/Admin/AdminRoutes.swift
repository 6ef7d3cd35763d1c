import Foundation
import HadirControl
import Hummingbird
import NIOCore

/// `/admin`: the technician page and its login. Everything the page does after logging in goes
/// through the same `/v1` routes as hadirctl, authenticated by the session cookie.
enum AdminRoutes {
    static func register(on router: Router<ControlRequestContext>, login: AdminLogin, language: String) {
        let admin = router.group("admin")
        admin.get { _, _ in AdminAssets.page }
        admin.get("admin.js") { _, _ in AdminAssets.script }
        admin.get("admin.css") { _, _ in AdminAssets.styles }
        admin.get("session") { request, _ in
            let token = AdminAccessRules.cookieValue(request.headers[.cookie], named: AdminAccessRules.cookieName)
            let loggedIn = token.map { login.gate?.touch(token: $0) ?? false } ?? false
            return try ControlJSON.response(
                AdminSessionPayload(
                    enabled: login.gate != nil, loggedIn: loggedIn,
                    sessionTimeoutSeconds: Int(login.gate?.sessionTimeoutSeconds ?? 0), language: language))
        }
        admin.post("login") { request, context in
            try requireCSRFHeader(request)
            let body = try await ControlJSON.decode(AdminLoginBody.self, from: request, limit: 1024)
            return try await answer(login.login(pin: body.pin, address: address(context)), login: login, language: language)
        }
        admin.post("logout") { request, context in
            try requireCSRFHeader(request)
            if let token = AdminAccessRules.cookieValue(request.headers[.cookie], named: AdminAccessRules.cookieName) {
                login.logout(token: token, address: address(context))
            }
            var response = try ControlJSON.response(EmptyPayload())
            response.headers[.setCookie] = sessionCookie("", maxAge: 0)
            return response
        }
    }

    static func answer(_ outcome: AdminLogin.Outcome, login: AdminLogin, language: String) throws -> Response {
        switch outcome {
        case .loggedIn(let token):
            let timeout = Int(login.gate?.sessionTimeoutSeconds ?? 0)
            var response = try ControlJSON.response(
                AdminSessionPayload(enabled: true, loggedIn: true, sessionTimeoutSeconds: timeout, language: language))
            response.headers[.setCookie] = sessionCookie(token, maxAge: nil)
            return response
        case .wrongPIN(let remaining):
            return try ControlJSON.response(
                AdminLoginRefusal(error: "wrong PIN", status: 401, remainingAttempts: remaining), status: .unauthorized)
        case .lockedOut(let seconds):
            var response = try ControlJSON.response(
                AdminLoginRefusal(
                    error: "too many wrong PINs: try again in \(seconds) s", status: 429, retryAfterSeconds: seconds),
                status: .tooManyRequests)
            response.headers[.retryAfter] = "\(seconds)"
            return response
        case .disabled:
            throw ControlAPIError(
                .forbidden, "the technician page is disabled: set [admin] pin_hash (make one with `hadirctl admin-pin-hash`)")
        }
    }

    /// HttpOnly (scripts cannot read it) and SameSite=Strict (other sites' requests do not carry
    /// it). Not Secure: the LAN listener is plain HTTP. No Max-Age on login: the browser forgets it
    /// when closed, and the daemon ends it after the idle timeout.
    static func sessionCookie(_ value: String, maxAge: Int?) -> String {
        var cookie = "\(AdminAccessRules.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        return cookie
    }

    /// Login and logout are open paths, so they check the CSRF header themselves.
    static func requireCSRFHeader(_ request: Request) throws {
        guard AdminAccessRules.csrfHeader(in: request.headers) == "1" else {
            throw ControlAPIError(.forbidden, "the admin page's requests need the \(AdminAccessRules.csrfHeaderName): 1 header")
        }
    }

    /// The client's IP address; "local" on the unix socket.
    static func address(_ context: ControlRequestContext) -> String {
        context.channel.remoteAddress?.ipAddress ?? "local"
    }
}
