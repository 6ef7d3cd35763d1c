/// What the server does after feeding an event to a ``ZKSessionStateMachine``: write the packets
/// in order, one packet per write, then perform the query or effect.
public struct ZKSessionOutput: Sendable, Equatable {
    /// Packets to write, each in its own write (pyzk breaks on split or merged replies).
    public var packets: [ZKPacket]
    /// Kiosk work to perform; its answer goes back through `deviceAnswered`.
    public var query: ZKDeviceQuery?
    /// Close the connection (TCP) or forget the session (UDP) once the packets are written.
    public var close: Bool
    /// RESTART was accepted: restart the kiosk once the ACK_OK is written.
    public var restart: Bool
    /// Start (or restart) the timer after which an unacknowledged live event is given up on.
    public var startEventAckTimer: Bool
    /// For logs and metrics.
    public var notices: [ZKSessionNotice]

    public init(
        packets: [ZKPacket] = [], query: ZKDeviceQuery? = nil, close: Bool = false, restart: Bool = false, startEventAckTimer: Bool = false,
        notices: [ZKSessionNotice] = []
    ) {
        self.packets = packets
        self.query = query
        self.close = close
        self.restart = restart
        self.startEventAckTimer = startEventAckTimer
        self.notices = notices
    }

    /// Nothing to do.
    public static let none = ZKSessionOutput()
}
