import HadirConnectionLimits
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with a ``ConnectionGateHandler`` in front: a connection over
/// the listener's caps is closed before its first byte is parsed. ``ConnectionProofMiddleware``
/// tells the gate when a request got through. Hummingbird's own
/// `MaximumAvailableConnections` stops accepting instead, which leaves the excess (hostile or
/// not) waiting invisibly in the kernel's backlog; closing at once is visible and counted.
struct GatedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let gate: ConnectionGate

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionGateHandler(gate: gate), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return base.setup(channel: channel, logger: logger)
    }

    /// A refused channel is handled too: its stream ends at once, and NIO requires every async
    /// channel's writer to be finished (the channel may not even be active yet here).
    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the listener's gate, idle timeout and header limits.
    static func gatedHTTP1(_ listener: ControlListener) -> HTTPServerBuilder {
        gatedHTTP1(gate: listener.gate, limits: listener.limits)
    }

    static func gatedHTTP1(gate: ConnectionGate, limits: ControlListenerLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let configuration = HTTP1Channel.Configuration(
                idleTimeout: .nanoseconds(Int64(limits.idleTimeoutSeconds * 1_000_000_000)),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: ControlListenerLimits.maximumHeaderFieldBytes,
                    maxHeaderListSize: ControlListenerLimits.maximumHeaderListBytes,
                    maxHeaderFieldCount: ControlListenerLimits.maximumHeaderFields))
            return GatedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration), gate: gate)
        }
    }
}
