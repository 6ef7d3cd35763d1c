import HadirConnectionLimits
import Hummingbird

/// Marks a connection as one that made a real request, so its gate no longer evicts it or closes
/// it at the first-request deadline. On the LAN listener it runs after the token check: a client
/// without the token gets its 401s, but never a protected slot; nor does one that only loaded
/// the open admin page or tried a PIN.
struct ConnectionProofMiddleware: RouterMiddleware {
    typealias Context = ControlRequestContext

    let gate: ConnectionGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !AdminAccessRules.isAdminPath(request.uri.path) { gate.markProven(context.channel) }
        return try await next(request, context)
    }
}
