import Foundation
import Hummingbird

/// One JSON style for every control API body: sorted keys, unescaped slashes.
public enum ControlJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A 200 (or `status`) response carrying `value` as JSON.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a request body of at most `limit` bytes. A malformed body throws `DecodingError`,
    /// which ``JSONErrorMiddleware`` answers with a 400 naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 64 * 1024) async throws -> T {
        let buffer = try await request.body.collect(upTo: limit)
        return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
    }
}
