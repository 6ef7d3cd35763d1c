/// Incremental EF01 frame decoder: feed it bytes as they arrive, then pull packets with `next()`.
///
/// Bytes before a header (line noise, the R503's stray `0x55` after power-on) are skipped. A bad
/// frame is reported once by a typed error and dropped, so the following call carries on with the
/// remaining bytes. Every call that does not return nil consumes at least two bytes, and after
/// `next()` returns nil at most one partial frame stays buffered.
public struct EF01FrameDecoder: Sendable {
    /// The largest content (payload) accepted; the length field may be at most this plus 2.
    public let maxPayload: Int
    private var buffer = SyncedReceiveBuffer(sync: (0xEF, 0x01))

    /// Creates a decoder accepting frames with at most `maxPayload` content bytes.
    public init(maxPayload: Int = 256) {
        self.maxPayload = max(0, maxPayload)
    }

    /// Bytes thrown away so far: garbage between frames and bytes of rejected frames.
    public var discardedByteCount: Int { buffer.discardedByteCount }

    /// Bytes received and not yet consumed.
    public var bufferedByteCount: Int { buffer.count }

    /// The largest whole frame this decoder accepts, in bytes.
    public var maxFrameLength: Int { EF01Packet.minimumFrameLength + maxPayload }

    /// Appends bytes received from the wire.
    public mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        buffer.append(bytes)
    }

    /// Forgets every buffered byte (counted as discarded), e.g. before a new command.
    public mutating func reset() {
        buffer.discardAll()
    }

    /// The next complete packet, or nil when more bytes are needed.
    ///
    /// Throws for a bad frame after dropping it: a bad checksum drops the whole frame; an unknown
    /// type or impossible length drops only the header, since the frame's extent is then unknown.
    public mutating func next() throws(EF01FrameError) -> EF01Packet? {
        buffer.skipToSync()
        let available = buffer.count
        guard available >= EF01Packet.prefixLength else { return nil }

        let typeByte = buffer[6]
        guard let type = EF01PacketType(rawValue: typeByte) else {
            buffer.discard(EF01Packet.header.count)
            throw .unknownPacketType(typeByte)
        }
        let length = Int(buffer[7]) << 8 | Int(buffer[8])
        guard length >= 2 else {
            buffer.discard(EF01Packet.header.count)
            throw .lengthTooSmall(length)
        }
        guard length <= maxPayload + 2 else {
            buffer.discard(EF01Packet.header.count)
            throw .lengthTooLarge(length)
        }
        let frameLength = EF01Packet.prefixLength + length
        guard available >= frameLength else { return nil }

        let contentStart = EF01Packet.prefixLength
        let contentEnd = contentStart + length - 2
        let received = UInt16(buffer[contentEnd]) << 8 | UInt16(buffer[contentEnd + 1])
        let expected = EF01Packet.checksum(
            type: typeByte, length: UInt16(length), content: buffer[contentStart..<contentEnd])
        guard expected == received else {
            buffer.discard(frameLength)
            throw .badChecksum(expected: expected, received: received)
        }
        let address =
            UInt32(buffer[2]) << 24 | UInt32(buffer[3]) << 16
            | UInt32(buffer[4]) << 8 | UInt32(buffer[5])
        let payload = Array(buffer[contentStart..<contentEnd])
        buffer.consume(frameLength)
        return EF01Packet(address: address, type: type, payload: payload)
    }
}
