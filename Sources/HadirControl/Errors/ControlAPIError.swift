import Foundation
import Hummingbird

/// A refusal the control API explains: a 4xx (or 503) status and one English sentence, sent as
/// `{"error": "...", "status": N}` so scripts and hadirctl can show it as is.
public struct ControlAPIError: Error, HTTPResponseError, CustomStringConvertible, Sendable {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public static func badRequest(_ message: String) -> ControlAPIError { ControlAPIError(.badRequest, message) }
    public static func notFound(_ message: String) -> ControlAPIError { ControlAPIError(.notFound, message) }
    public static func conflict(_ message: String) -> ControlAPIError { ControlAPIError(.conflict, message) }
    public static func unavailable(_ message: String) -> ControlAPIError { ControlAPIError(.serviceUnavailable, message) }

    public var description: String { message }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ControlErrorBody(error: message, status: status.code).response(status: status)
    }
}

/// The JSON body of every error the control API returns.
public struct ControlErrorBody: Codable, Sendable, Hashable {
    public var error: String
    public var status: Int

    public init(error: String, status: Int) {
        self.error = error
        self.status = status
    }

    func response(status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let data = (try? ControlJSON.encoder.encode(self)) ?? Data(#"{"error":"encoding failed","status":500}"#.utf8)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
