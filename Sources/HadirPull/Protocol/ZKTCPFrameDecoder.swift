/// Incremental decoder for the ZK TCP stream (`50 50 82 7D`, uint32 length, packet): feed bytes,
/// pull packets. Pure, no I/O.
///
/// pyzk never resynchronises a broken stream (spec §1), so neither do we: after an error the
/// decoder stays failed, `next()` rethrows the same error and the connection must be closed.
/// Consumed bytes are skipped with a read index and reclaimed in bulk, never byte by byte.
public struct ZKTCPFrameDecoder: Sendable {
    /// The default largest packet (header + payload) accepted; template uploads can be large.
    public static let defaultMaximumPacketLength = 1_048_576

    /// The largest value of the length field accepted; beyond it `next()` throws `.oversized`.
    /// A server may raise it once the peer has proven itself (the pull server does after CONNECT).
    public var maximumPacketLength: Int {
        didSet { maximumPacketLength = max(ZKPacket.headerLength, maximumPacketLength) }
    }
    /// The error that ended this stream, if any.
    public private(set) var failure: ZKFrameError?

    private var buffer: [UInt8] = []
    /// Index of the first unconsumed byte in `buffer`.
    private var readIndex = 0

    /// Creates a decoder accepting packets of at most `maximumPacketLength` bytes (header included).
    public init(maximumPacketLength: Int = defaultMaximumPacketLength) {
        self.maximumPacketLength = max(ZKPacket.headerLength, maximumPacketLength)
    }

    /// Bytes received and not yet returned as packets (0 once failed: they are dropped).
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends bytes received from the wire; ignored once the decoder has failed.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard failure == nil else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete packet, or nil when more bytes are needed.
    ///
    /// Throws `.badMagic` as soon as 4 bytes are not the prefix, `.oversized` or `.truncated` as
    /// soon as the length field is known; then keeps throwing that error.
    public mutating func next() throws(ZKFrameError) -> ZKPacket? {
        if let failure { throw failure }
        let available = bufferedByteCount
        guard available >= ZKPacket.tcpMagic.count else { return nil }
        let magic = buffer[readIndex..<(readIndex + ZKPacket.tcpMagic.count)]
        guard magic.elementsEqual(ZKPacket.tcpMagic) else { throw fail(.badMagic(Array(magic))) }
        guard available >= ZKPacket.tcpPrefixLength else { return nil }
        let length = Int(ZKLittleEndian.uint32(buffer, at: readIndex + 4))
        guard length <= maximumPacketLength else {
            throw fail(.oversized(length: length, limit: maximumPacketLength))
        }
        guard length >= ZKPacket.headerLength else { throw fail(.truncated(length: length)) }
        guard available >= ZKPacket.tcpPrefixLength + length else { return nil }
        let packet = ZKPacket.parse(buffer, from: readIndex + ZKPacket.tcpPrefixLength, count: length)
        readIndex += ZKPacket.tcpPrefixLength + length
        return packet
    }

    /// Records the error, frees the buffer and returns the error for throwing.
    private mutating func fail(_ error: ZKFrameError) -> ZKFrameError {
        failure = error
        buffer = []
        readIndex = 0
        return error
    }

    /// Reclaims consumed bytes once they dominate the buffer, so memory stays bounded while each
    /// byte is moved at most a few times.
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096 || readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
