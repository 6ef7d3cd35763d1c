/// Incremental EF01 frame decoder: feed it bytes as they arrive, then pull packets with `next()`.
///
/// Bytes before a header (line noise, the R503's stray `0x55` after power-on) are skipped. A bad
/// frame is reported once by a typed error and dropped, so the following call carries on with the
/// remaining bytes. Every call that does not return nil consumes at least two bytes, and after
/// `next()` returns nil at most one partial frame stays buffered.
public struct EF01FrameDecoder: Sendable {
    /// The largest content (payload) accepted; the length field may be at most this plus 2.
    public let maxPayload: Int
    /// Bytes thrown away so far: garbage between frames and bytes of rejected frames.
    public private(set) var discardedByteCount: Int = 0

    private var buffer: [UInt8] = []
    /// Index of the first unconsumed byte; consumed bytes are removed lazily.
    private var start = 0

    /// Creates a decoder accepting frames with at most `maxPayload` content bytes.
    public init(maxPayload: Int = 256) {
        self.maxPayload = max(0, maxPayload)
    }

    /// Bytes received and not yet consumed.
    public var bufferedByteCount: Int { buffer.count - start }

    /// The largest whole frame this decoder accepts, in bytes.
    public var maxFrameLength: Int { EF01Packet.minimumFrameLength + maxPayload }

    /// Appends bytes received from the wire.
    public mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Forgets every buffered byte (counted as discarded), e.g. before a new command.
    public mutating func reset() {
        discardedByteCount += bufferedByteCount
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The next complete packet, or nil when more bytes are needed.
    ///
    /// Throws for a bad frame after dropping it: a bad checksum drops the whole frame; an unknown
    /// type or impossible length drops only the header, since the frame's extent is then unknown.
    public mutating func next() throws(EF01FrameError) -> EF01Packet? {
        skipToHeader()
        let available = bufferedByteCount
        guard available >= EF01Packet.prefixLength else { return nil }

        let typeByte = buffer[start + 6]
        guard let type = EF01PacketType(rawValue: typeByte) else {
            drop(EF01Packet.header.count)
            throw .unknownPacketType(typeByte)
        }
        let length = Int(buffer[start + 7]) << 8 | Int(buffer[start + 8])
        guard length >= 2 else {
            drop(EF01Packet.header.count)
            throw .lengthTooSmall(length)
        }
        guard length <= maxPayload + 2 else {
            drop(EF01Packet.header.count)
            throw .lengthTooLarge(length)
        }
        let frameLength = EF01Packet.prefixLength + length
        guard available >= frameLength else { return nil }

        let contentStart = start + EF01Packet.prefixLength
        let contentEnd = contentStart + length - 2
        let received = UInt16(buffer[contentEnd]) << 8 | UInt16(buffer[contentEnd + 1])
        let expected = EF01Packet.checksum(
            type: typeByte, length: UInt16(length), content: buffer[contentStart..<contentEnd])
        guard expected == received else {
            drop(frameLength)
            throw .badChecksum(expected: expected, received: received)
        }
        let address =
            UInt32(buffer[start + 2]) << 24 | UInt32(buffer[start + 3]) << 16
            | UInt32(buffer[start + 4]) << 8 | UInt32(buffer[start + 5])
        let payload = Array(buffer[contentStart..<contentEnd])
        start += frameLength
        return EF01Packet(address: address, type: type, payload: payload)
    }

    /// Discards bytes up to the next `EF 01`, keeping a trailing `EF` that may start one.
    private mutating func skipToHeader() {
        var index = start
        while index < buffer.count {
            if buffer[index] == 0xEF {
                if index + 1 == buffer.count || buffer[index + 1] == 0x01 { break }
            }
            index += 1
        }
        drop(index - start)
    }

    private mutating func drop(_ count: Int) {
        let count = min(count, bufferedByteCount)
        start += count
        discardedByteCount += count
    }

    /// Reclaims consumed bytes once they dominate the buffer, so memory stays bounded.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 4096 || start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
