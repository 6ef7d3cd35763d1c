/// One EF01 frame: `EF 01 | address u32 | type u8 | length u16 | content | checksum u16`, all big-endian.
///
/// `payload` is the content only; the length field and checksum are derived when encoding.
public struct EF01Packet: Hashable, Sendable {
    /// The two header bytes that start every frame.
    public static let header: [UInt8] = [0xEF, 0x01]
    /// Bytes before the content: header, address, type and length.
    public static let prefixLength = 9
    /// Bytes in a frame with empty content (prefix plus checksum).
    public static let minimumFrameLength = 11
    /// The default module address, which every factory module answers to.
    public static let defaultAddress: UInt32 = 0xFFFF_FFFF

    /// Module address (the module ignores frames addressed elsewhere).
    public var address: UInt32
    /// What the frame carries.
    public var type: EF01PacketType
    /// The content, without the checksum.
    public var payload: [UInt8]

    /// Creates a packet from its parts.
    public init(address: UInt32, type: EF01PacketType, payload: [UInt8]) {
        self.address = address
        self.type = type
        self.payload = payload
    }

    /// The value of the length field: content plus the two checksum bytes.
    ///
    /// Truncated to 16 bits; callers keep payloads within the module's packet size (≤ 256).
    public var lengthField: UInt16 {
        UInt16(truncatingIfNeeded: payload.count + 2)
    }

    /// The frame's checksum: the 16-bit sum of type, both length bytes and the content.
    public var checksum: UInt16 {
        Self.checksum(type: type.rawValue, length: lengthField, content: payload)
    }

    /// The 16-bit sum (overflow dropped) of type, both length bytes and content.
    public static func checksum<C: Sequence>(type: UInt8, length: UInt16, content: C) -> UInt16
    where C.Element == UInt8 {
        var sum = UInt16(type) &+ UInt16(length >> 8) &+ UInt16(length & 0xFF)
        for byte in content {
            sum &+= UInt16(byte)
        }
        return sum
    }

    /// The frame's bytes as sent on the wire.
    public func encoded() -> [UInt8] {
        var bytes = Self.header
        bytes.reserveCapacity(Self.minimumFrameLength + payload.count)
        bytes.appendBigEndian(address)
        bytes.append(type.rawValue)
        bytes.appendBigEndian(lengthField)
        bytes.append(contentsOf: payload)
        bytes.appendBigEndian(checksum)
        return bytes
    }
}
