/// Incremental EFAA frame decoder: feed bytes as the UART delivers them, pull frames with `next()`.
///
/// Bytes before a sync word are skipped (counted as discarded). A frame with bad parity is
/// reported once and dropped whole; a size beyond the limit drops only the sync word, since the
/// frame's extent is then unknown. After `next()` returns nil at most one partial frame is buffered.
public struct EFAAFrameDecoder: Sendable {
    /// The largest data length accepted. Replies are at most a few dozen bytes; IMAGE notes are
    /// the only large ones, and the daemon never asks for images.
    public let maximumDataLength: Int
    private var buffer = SyncedReceiveBuffer(sync: (0xEF, 0xAA))

    public init(maximumDataLength: Int = 4096) {
        self.maximumDataLength = min(max(0, maximumDataLength), EFAAFrame.maximumDataLength)
    }

    /// Bytes thrown away so far: garbage between frames and bytes of rejected frames.
    public var discardedByteCount: Int { buffer.discardedByteCount }

    /// Bytes received and not yet consumed.
    public var bufferedByteCount: Int { buffer.count }

    public mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        buffer.append(bytes)
    }

    /// Forgets every buffered byte (counted as discarded), e.g. after the module restarted.
    public mutating func reset() {
        buffer.discardAll()
    }

    /// The next whole frame, or nil when more bytes are needed.
    public mutating func next() throws(EFAAFrameError) -> EFAAFrame? {
        buffer.skipToSync()
        let available = buffer.count
        guard available >= EFAAFrame.prefixLength else { return nil }
        let size = Int(buffer[3]) << 8 | Int(buffer[4])
        guard size <= maximumDataLength else {
            buffer.discard(EFAAFrame.sync.count)
            throw .sizeTooLarge(size)
        }
        let length = EFAAFrame.minimumLength + size
        guard available >= length else { return nil }
        let expected = EFAAFrame.parity(of: buffer[2..<(length - 1)])
        let received = buffer[length - 1]
        guard expected == received else {
            buffer.discard(length)
            throw .badParity(expected: expected, received: received)
        }
        let frame = try EFAAFrame(messageID: buffer[2], data: Array(buffer[EFAAFrame.prefixLength..<(EFAAFrame.prefixLength + size)]))
        buffer.consume(length)
        return frame
    }
}
