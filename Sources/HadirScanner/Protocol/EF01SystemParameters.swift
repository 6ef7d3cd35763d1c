/// The 16-byte ReadSysPara reply: status, system id, capacity, security level, address, packet
/// size code and baud multiplier (all big-endian).
///
/// Capacity and packet size differ by model, so a driver reads them instead of assuming them.
public struct EF01SystemParameters: Hashable, Sendable {
    /// Number of data bytes in the reply.
    public static let byteCount = 16

    /// Status register (bit 0 busy, bit 1 finger matched, bit 2 password verified, bit 3 image valid).
    public var status: UInt16
    /// System identifier (0x0009 on most modules).
    public var systemID: UInt16
    /// Number of library slots.
    public var capacity: UInt16
    /// Matching security level (1…5).
    public var securityLevel: UInt16
    /// The module's address.
    public var address: UInt32
    /// Data packet size code: 0 = 32, 1 = 64, 2 = 128, 3 = 256 bytes.
    public var packetSizeCode: UInt16
    /// Baud rate as a multiple of 9600 (1…12).
    public var baudMultiplier: UInt16

    /// Creates a parameter block from its fields.
    public init(
        status: UInt16 = 0, systemID: UInt16 = 0x0009, capacity: UInt16, securityLevel: UInt16 = 3,
        address: UInt32 = EF01Packet.defaultAddress, packetSizeCode: UInt16 = 2, baudMultiplier: UInt16 = 6
    ) {
        self.status = status
        self.systemID = systemID
        self.capacity = capacity
        self.securityLevel = securityLevel
        self.address = address
        self.packetSizeCode = packetSizeCode
        self.baudMultiplier = baudMultiplier
    }

    /// Reads the block from reply data (at least 16 bytes).
    public init(bytes: [UInt8]) throws(EF01FrameError) {
        guard bytes.count >= Self.byteCount,
            let status = bytes.bigEndianUInt16(at: 0),
            let systemID = bytes.bigEndianUInt16(at: 2),
            let capacity = bytes.bigEndianUInt16(at: 4),
            let securityLevel = bytes.bigEndianUInt16(at: 6),
            let address = bytes.bigEndianUInt32(at: 8),
            let packetSizeCode = bytes.bigEndianUInt16(at: 12),
            let baudMultiplier = bytes.bigEndianUInt16(at: 14)
        else {
            throw .replyTooShort(expected: Self.byteCount, received: bytes.count)
        }
        self.init(
            status: status, systemID: systemID, capacity: capacity, securityLevel: securityLevel,
            address: address, packetSizeCode: packetSizeCode, baudMultiplier: baudMultiplier)
    }

    /// The 16 reply data bytes.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        bytes.appendBigEndian(status)
        bytes.appendBigEndian(systemID)
        bytes.appendBigEndian(capacity)
        bytes.appendBigEndian(securityLevel)
        bytes.appendBigEndian(address)
        bytes.appendBigEndian(packetSizeCode)
        bytes.appendBigEndian(baudMultiplier)
        return bytes
    }

    /// Whether the packet size code is one of the four defined (0…3).
    public var hasValidPacketSize: Bool { packetSizeCode <= 3 }

    /// Data packet payload size in bytes: `32 << packetSizeCode` (codes above 3 read as 3).
    public var packetSize: Int { 32 << Int(min(packetSizeCode, 3)) }

    /// The configured baud rate: 9600 × multiplier.
    public var baudRate: Int { 9600 * Int(baudMultiplier) }
}
