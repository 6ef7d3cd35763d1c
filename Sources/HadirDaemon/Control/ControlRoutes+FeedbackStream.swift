import HadirControl
import Hummingbird
import ServiceLifecycle

extension ControlRoutes {
    /// A server-sent-event stream of feedback events, as `events` turns each into zero or more
    /// SSE events, after `preamble`; a keep-alive comment every 15 s drops vanished clients. It
    /// ends on graceful shutdown: an always-open client (the door screen, `hadirctl events`)
    /// would otherwise hold every stop for the whole drain budget.
    static func feedbackStream(
        _ actions: ControlActions, buffering: Int, preamble: [UInt8] = [],
        events: @escaping @Sendable (FeedbackEvent) -> [ServerSentEvent]
    ) -> Response {
        Response(
            status: .ok, headers: eventStreamHeaders,
            body: ResponseBody { writer in
                let (chunks, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(buffering))
                let feedback = actions.events()
                if !preamble.isEmpty { continuation.yield(preamble) }
                let forward = Task {
                    for await event in feedback {
                        for sent in events(event) { continuation.yield(sent.encoded) }
                    }
                    continuation.finish()
                }
                let keepAlive = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        continuation.yield(ServerSentEvent.keepAlive)
                    }
                }
                defer {
                    forward.cancel()
                    keepAlive.cancel()
                }
                try await withGracefulShutdownHandler {
                    for await chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                try await writer.finish(nil)
            })
    }
}
