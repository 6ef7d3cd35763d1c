import HadirConnectionLimits
import NIOCore

/// Sits behind the HTTP decoder: the first part it sees means a complete, well-formed request head
/// arrived, so the connection is no longer one the gate may evict or time out. Then it leaves the
/// pipeline.
final class RequestProofHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Parts pass through untouched, so their type (HTTPRequestPart) is never unwrapped here.
    typealias InboundIn = Any

    let gate: ConnectionGate

    init(gate: ConnectionGate) {
        self.gate = gate
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        gate.markProven(context.channel)
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}

@available(*, unavailable)
extension RequestProofHandler: Sendable {}
