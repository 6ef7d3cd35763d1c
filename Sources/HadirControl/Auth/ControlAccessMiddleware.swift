import Hummingbird

/// Guards the LAN listener: `/v1` and the rest need the bearer token or a live admin session
/// cookie (with the CSRF header on writes); the admin page itself is open. See ``AdminAccessRules``.
public struct ControlAccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]
    /// Nil when `[admin] pin_hash` is empty: no session can exist.
    let admin: AdminGate?

    public init(token: String, admin: AdminGate?) {
        self.token = Array(token.utf8)
        self.admin = admin
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let admin = self.admin
        let decision = AdminAccessRules.decide(
            method: request.method.rawValue, path: request.uri.path, authorization: request.headers[.authorization],
            cookie: request.headers[.cookie], csrfHeader: AdminAccessRules.csrfHeader(in: request.headers), token: token,
            isLiveSession: { admin?.touch(token: $0) ?? false })
        switch decision {
        case .open, .bearerToken, .adminSession: return try await next(request, context)
        case .unauthorized(let message):
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = #"Bearer realm="hadir""#
            return ControlErrorBody(error: message, status: 401).response(status: .unauthorized, headers: headers)
        case .forbidden(let message):
            return ControlErrorBody(error: message, status: 403).response(status: .forbidden)
        }
    }
}

extension AdminAccessRules {
    /// The CSRF header's value in `headers`, if sent. Matched by name, case-insensitively: HTTP
    /// field names are, and HTTPTypes' name type is not re-exported by Hummingbird.
    public static func csrfHeader(in headers: HTTPFields) -> String? {
        headers.first { $0.name.canonicalName == csrfHeaderName.lowercased() }?.value
    }
}
