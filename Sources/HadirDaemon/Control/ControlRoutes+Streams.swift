import Foundation
import HadirControl
import HadirCore
import Hummingbird

extension ControlRoutes {
    static let eventStreamHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]

    /// `POST /v1/enroll`: a server-sent event per stage (`stage`, in the manner of fprintd's
    /// enroll-stage signals), then one `result` — or one `error` if enrollment could not run.
    /// Request mistakes (bad PIN, unknown employee) are plain 4xx answers before the stream.
    static func enroll(_ request: Request, actions: ControlActions) async throws -> Response {
        let body = try await ControlJSON.decode(EnrollBody.self, from: request)
        let (pin, modality) = try actions.validateEnrollment(body)
        return Response(
            status: .ok, headers: eventStreamHeaders,
            body: ResponseBody { writer in
                let (events, continuation) = AsyncStream<ServerSentEvent>.makeStream()
                let work = Task {
                    do {
                        let result = try await actions.enroll(pin, replace: body.replace ?? false, modality: modality) { stage in
                            continuation.yield(ServerSentEvent(event: "stage", data: json(stage)))
                        }
                        continuation.yield(ServerSentEvent(event: "result", data: json(result)))
                    } catch {
                        continuation.yield(ServerSentEvent(event: "error", data: json(ControlErrorBody(error: "\(error)", status: 409))))
                    }
                    continuation.finish()
                }
                // A technician who closes hadirctl abandons the enrollment.
                defer { work.cancel() }
                for await event in events { try await writer.write(ByteBuffer(bytes: event.encoded)) }
                try await writer.finish(nil)
            })
    }

    /// `GET /v1/events`: every punch and kiosk message as it happens, named by its kind, with a
    /// keep-alive comment every 15 s so a vanished client is noticed and dropped.
    static func events(_ actions: ControlActions) -> Response {
        feedbackStream(actions, buffering: 1024) { event in
            [ServerSentEvent(event: event.event.rawValue, data: json(event))]
        }
    }

    static func json(_ value: some Encodable) -> String {
        (try? String(decoding: ControlJSON.encoder.encode(value), as: UTF8.self)) ?? #"{"error":"encoding failed"}"#
    }
}
