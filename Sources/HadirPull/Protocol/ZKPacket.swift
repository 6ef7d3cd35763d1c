/// One ZK packet: an 8-byte header (command, checksum, session id, reply id) and a payload.
///
/// The checksum is not stored for packets we build: `encoded()` always writes the correct one.
/// Decoded packets keep the received value so the caller can log a mismatch without rejecting
/// the packet (spec §1: pyzk's own checksums are not to be trusted).
public struct ZKPacket: Sendable, Equatable {
    /// The header length: four uint16 fields.
    public static let headerLength = 8
    /// The TCP prefix before every packet's uint32 length.
    public static let tcpMagic: [UInt8] = [0x50, 0x50, 0x82, 0x7D]
    /// The TCP prefix length: magic plus uint32 packet length.
    public static let tcpPrefixLength = 8

    /// The command or reply code.
    public var command: ZKCommand
    /// The session id (for REG_EVENT packets from the device: the event flag).
    public var sessionID: UInt16
    /// The reply id; replies echo the request's.
    public var replyID: UInt16
    /// The bytes after the header.
    public var payload: [UInt8]
    /// The checksum field as received (nil for packets we build); compare with `expectedChecksum`.
    public var receivedChecksum: UInt16?

    /// A packet to send; its checksum is computed when encoding.
    public init(command: ZKCommand, sessionID: UInt16, replyID: UInt16, payload: [UInt8] = []) {
        self.command = command
        self.sessionID = sessionID
        self.replyID = replyID
        self.payload = payload
        self.receivedChecksum = nil
    }

    /// The correct checksum for the current header fields and payload.
    public var expectedChecksum: UInt16 {
        ZKChecksum.compute(command: command.rawValue, sessionID: sessionID, replyID: replyID, payload: payload)
    }

    /// True when no checksum was received (we built the packet) or the received one is correct.
    public var hasValidChecksum: Bool {
        guard let receivedChecksum else { return true }
        return receivedChecksum == expectedChecksum
    }

    /// The header with the correct checksum, then the payload: one UDP datagram.
    public func encoded() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.headerLength + payload.count)
        encode(into: &buffer)
        return buffer
    }

    /// `50 50 82 7D`, the uint32 packet length, then `encoded()`: one TCP write.
    public func encodedForTCP() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.tcpPrefixLength + Self.headerLength + payload.count)
        encodeForTCP(into: &buffer)
        return buffer
    }

    /// Appends `encoded()` to `buffer` without an intermediate array.
    public func encode(into buffer: inout [UInt8]) {
        ZKLittleEndian.append(command.rawValue, to: &buffer)
        ZKLittleEndian.append(expectedChecksum, to: &buffer)
        ZKLittleEndian.append(sessionID, to: &buffer)
        ZKLittleEndian.append(replyID, to: &buffer)
        buffer.append(contentsOf: payload)
    }

    /// Appends `encodedForTCP()` to `buffer` without an intermediate array.
    public func encodeForTCP(into buffer: inout [UInt8]) {
        buffer.append(contentsOf: Self.tcpMagic)
        // A payload beyond 4 GiB cannot exist in memory here; truncating keeps this trap-free.
        ZKLittleEndian.append(UInt32(truncatingIfNeeded: Self.headerLength + payload.count), to: &buffer)
        encode(into: &buffer)
    }

    /// Decodes one UDP datagram (no TCP prefix).
    ///
    /// Fewer than 8 bytes throw `.truncated`. A bad checksum is not an error: `receivedChecksum`
    /// keeps it and `hasValidChecksum` is false.
    public static func decode(datagram: some Collection<UInt8>) throws(ZKFrameError) -> ZKPacket {
        let bytes = Array(datagram)
        guard bytes.count >= headerLength else { throw .truncated(length: bytes.count) }
        return parse(bytes, from: 0, count: bytes.count)
    }

    /// The packet in `bytes[start..<start + count]`; the caller guarantees `count >= headerLength`.
    static func parse(_ bytes: [UInt8], from start: Int, count: Int) -> ZKPacket {
        var packet = ZKPacket(
            command: ZKCommand(rawValue: ZKLittleEndian.uint16(bytes, at: start)),
            sessionID: ZKLittleEndian.uint16(bytes, at: start + 4),
            replyID: ZKLittleEndian.uint16(bytes, at: start + 6),
            payload: Array(bytes[(start + headerLength)..<(start + count)]))
        packet.receivedChecksum = ZKLittleEndian.uint16(bytes, at: start + 2)
        return packet
    }
}
