import NIOCore

/// First handler of every accepted channel: asks the ``ConnectionGate`` whether the connection
/// may stay, closes it at once when not, and closes it when its first request does not come in
/// time. Nothing is read or parsed here; the protocol handlers behind it decide what a request is
/// and call ``ConnectionGate/markProven(_:)``.
public final class ConnectionGateHandler: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer

    let gate: ConnectionGate
    private var admitted = false
    private var deadline: Scheduled<Void>?

    public init(gate: ConnectionGate) {
        self.gate = gate
    }

    public func channelActive(context: ChannelHandlerContext) {
        if gate.admit(context.channel) != nil {
            // Before any byte is read: the refused peer costs one accept and one close.
            context.close(promise: nil)
            return
        }
        admitted = true
        let channel = context.channel
        let gate = self.gate
        deadline = context.eventLoop.scheduleTask(in: .nanoseconds(Int64(gate.limits.firstRequestTimeoutSeconds * 1_000_000_000))) {
            gate.closeIfSilent(channel)
        }
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if admitted {
            admitted = false
            gate.release(context.channel)
        }
        context.fireChannelInactive()
    }
}

@available(*, unavailable)
extension ConnectionGateHandler: Sendable {}
