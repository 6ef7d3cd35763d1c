/// Who may reach which control API path on the LAN listener, decided from the request's method,
/// path and headers alone, so every case is testable without a server.
///
/// - `/admin` and its files, login and logout are open: the page must load before anyone has logged in.
/// - Everything else needs the bearer token (hadirctl, scripts) or a live admin session cookie
///   (the page). A cookie-authenticated write also needs `X-Hadir-Admin: 1`: the page's fetch
///   sends it, a form another site submits cannot, so a stray cookie cannot be ridden (CSRF).
public enum AdminAccessRules {
    public static let cookieName = "hadir_admin"
    public static let csrfHeaderName = "X-Hadir-Admin"

    public enum Decision: Sendable, Hashable {
        /// The page, its files, login and logout.
        case open
        case bearerToken
        /// A live session; the token is the cookie's value.
        case adminSession(String)
        case unauthorized(String)
        case forbidden(String)
    }

    public static func decide(
        method: String, path: String, authorization: String?, cookie: String?, csrfHeader: String?, token: [UInt8],
        isLiveSession: (String) -> Bool
    ) -> Decision {
        if isAdminPath(path) { return .open }
        if let authorization, authorization.lowercased().hasPrefix("bearer ") {
            return constantTimeEqual(Array(authorization.utf8.dropFirst(7)), token)
                ? .bearerToken : .unauthorized("missing or wrong bearer token")
        }
        guard let session = cookieValue(cookie, named: cookieName) else {
            return .unauthorized("missing or wrong bearer token")
        }
        guard isLiveSession(session) else { return .unauthorized("the admin session has ended; log in again at /admin") }
        if !isSafe(method), csrfHeader != "1" {
            return .forbidden("a write from the admin page needs the \(csrfHeaderName): 1 header")
        }
        return .adminSession(session)
    }

    /// `/admin`, `/admin/` and anything below it.
    public static func isAdminPath(_ path: String) -> Bool {
        path == "/admin" || path.hasPrefix("/admin/")
    }

    static func isSafe(_ method: String) -> Bool {
        method == "GET" || method == "HEAD" || method == "OPTIONS"
    }

    /// The value of cookie `name` in a `Cookie` header (`a=1; b=2`), or nil.
    public static func cookieValue(_ header: String?, named name: String) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces == name else { continue }
            let value = parts[1].trimmingSpaces
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Compares without an early exit, so response timing does not leak how much of a guess matched.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        for index in 0..<max(lhs.count, rhs.count) {
            difference |= (index < lhs.count ? lhs[index] : 0) ^ (index < rhs.count ? rhs[index] : 0)
        }
        return difference == 0
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
