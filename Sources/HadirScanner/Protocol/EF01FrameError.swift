/// Why bytes or packets from the wire could not be turned into a valid EF01 packet or reply.
public enum EF01FrameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The frame's checksum does not match its content.
    case badChecksum(expected: UInt16, received: UInt16)
    /// The length field (content + 2) exceeds what the decoder accepts.
    case lengthTooLarge(Int)
    /// The length field is below 2, so it cannot even hold the checksum.
    case lengthTooSmall(Int)
    /// The packet identifier byte is not one of 01, 02, 07, 08.
    case unknownPacketType(UInt8)
    /// A data transfer grew beyond the assembler's limit (the byte count reached).
    case dataTooLarge(Int)
    /// A packet of this type arrived where another type was required.
    case unexpectedPacketType(EF01PacketType)
    /// An acknowledgement packet with no confirmation code.
    case emptyAcknowledgement
    /// A reply's data is shorter than its format needs.
    case replyTooShort(expected: Int, received: Int)

    /// A readable English explanation, for logs and the technician.
    public var description: String {
        switch self {
        case .badChecksum(let expected, let received):
            "EF01 frame checksum mismatch (computed \(hex16(expected)), received \(hex16(received)))"
        case .lengthTooLarge(let length):
            "EF01 frame length \(length) is larger than allowed"
        case .lengthTooSmall(let length):
            "EF01 frame length \(length) is too small to hold a checksum"
        case .unknownPacketType(let type):
            "EF01 frame has unknown packet type \(hex8(type))"
        case .dataTooLarge(let count):
            "EF01 data transfer exceeded its limit (\(count) bytes)"
        case .unexpectedPacketType(let type):
            "unexpected EF01 packet type \(type)"
        case .emptyAcknowledgement:
            "EF01 acknowledgement without a confirmation code"
        case .replyTooShort(let expected, let received):
            "EF01 reply too short: expected \(expected) data bytes, received \(received)"
        }
    }
}

/// `0x1A` style rendering for messages.
func hex8(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
}

/// `0x001A` style rendering for messages.
func hex16(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
