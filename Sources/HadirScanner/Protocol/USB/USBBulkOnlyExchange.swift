/// The bulk transfers one EF01 step takes over a native-USB module, as pure data: the transport
/// performs them in order and feeds the bytes back for checking.
public enum USBBulkOnlyExchange {
    /// One bulk transfer.
    public enum Transfer: Sendable, Equatable {
        /// Write these bytes to bulk-OUT.
        case write([UInt8])
        /// Read exactly this many bytes from bulk-IN.
        case read(Int)
    }

    /// Bytes of a module's answer to read after a command: an EF01 ack fits in 64.
    public static let acknowledgementLength = 64
    /// UpChar over USB returns the raw template, not EF01 data packets.
    public static let rawTemplateLength = 512

    /// Sending one EF01 packet: CBW (86), the packet, then the 13-byte status.
    public static func send(_ packet: [UInt8], tag: UInt32) -> [Transfer] {
        let command = USBBulkOnlyCommand(tag: tag, transferLength: UInt32(packet.count), operation: .sendPacket)
        return [.write(command.encoded()), .write(packet), .read(USBBulkOnlyStatus.size)]
    }

    /// Receiving `length` bytes (an ack, or a raw 512-byte template): CBW (85), the data, the status.
    public static func receive(length: Int = acknowledgementLength, tag: UInt32) -> [Transfer] {
        let command = USBBulkOnlyCommand(tag: tag, transferLength: UInt32(length), operation: .receive)
        return [.write(command.encoded()), .read(length), .read(USBBulkOnlyStatus.size)]
    }
}
