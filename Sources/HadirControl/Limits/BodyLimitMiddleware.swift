import Hummingbird

/// Answers 413 for a request body over the listener's `max_body_bytes`: at once when the
/// Content-Length says so, otherwise as soon as a chunked body passes the limit, so no route
/// ever buffers more.
public struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maximumBytes: Int

    public init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBytes {
            throw HTTPError(.contentTooLarge, message: "request body over \(maximumBytes) bytes")
        }
        var request = request
        request.body = RequestBody(asyncSequence: BoundedBody(base: request.body, maximumBytes: maximumBytes))
        return try await next(request, context)
    }
}

/// A request body that throws 413 once more than `maximumBytes` have passed.
struct BoundedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: RequestBody
    let maximumBytes: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let maximumBytes: Int
        var seen = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            seen += buffer.readableBytes
            guard seen <= maximumBytes else { throw HTTPError(.contentTooLarge, message: "request body over \(maximumBytes) bytes") }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), maximumBytes: maximumBytes)
    }
}
