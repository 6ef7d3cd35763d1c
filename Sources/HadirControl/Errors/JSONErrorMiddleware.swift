import Foundation
import Hummingbird
import Logging

/// Turns every failure into a JSON error with a 4xx/5xx status: unknown routes, malformed bodies
/// and handler errors alike. A bad request is answered and logged, never a crash.
public struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? Self.defaultMessage(error.status, request)
            return ControlErrorBody(error: message, status: error.status.code).response(status: error.status, headers: error.headers)
        } catch let error as DecodingError {
            return ControlErrorBody(error: "malformed JSON body: \(Self.describe(error))", status: 400).response(status: .badRequest)
        } catch let error as HTTPResponseError {
            // ControlAPIError among them: its description is its sentence.
            return ControlErrorBody(error: "\(error)", status: error.status.code).response(status: error.status)
        } catch {
            logger.error("control request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return ControlErrorBody(error: "\(error)", status: 500).response(status: .internalServerError)
        }
    }

    static func defaultMessage(_ status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound: "no such endpoint: \(request.method) \(request.uri.path) (see GET /v1 for the list)"
        case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)"
        case .contentTooLarge: "request body too large"
        default: status.reasonPhrase
        }
    }

    /// Which field was wrong, without Foundation's long debug text.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "" : " at \"\(keys)\""
        }
        switch error {
        case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context): return "expected \(type)\(path(context))"
        case .valueNotFound(let type, let context): return "expected \(type)\(path(context))"
        case .dataCorrupted(let context): return "not valid JSON\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
