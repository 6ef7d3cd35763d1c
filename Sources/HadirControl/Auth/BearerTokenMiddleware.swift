import Hummingbird

/// Guards the LAN listener: every request must carry `Authorization: Bearer <token>`.
/// The unix socket needs no token; its file mode and group decide who may connect.
public struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    public init(token: String) {
        self.token = Array(token.utf8)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), token)
        else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = #"Bearer realm="hadir""#
            return ControlErrorBody(error: "missing or wrong bearer token", status: 401).response(status: .unauthorized, headers: headers)
        }
        return try await next(request, context)
    }

    /// Compares without an early exit, so response timing does not leak how much of a guess matched.
    /// A length mismatch is its own flag: folding the lengths into a byte would let two lengths
    /// 256 apart compare equal.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
