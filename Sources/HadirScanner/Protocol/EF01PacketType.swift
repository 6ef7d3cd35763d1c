/// The packet identifier byte of an EF01 frame.
public enum EF01PacketType: UInt8, CaseIterable, Sendable {
    /// Host to module: an instruction.
    case command = 0x01
    /// A data packet with more to follow.
    case data = 0x02
    /// Module to host: the reply to a command.
    case acknowledge = 0x07
    /// The last data packet of a transfer.
    case endData = 0x08
}
