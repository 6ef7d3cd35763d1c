/// Incremental EFAA frame decoder: feed bytes as the UART delivers them, pull frames with `next()`.
///
/// Bytes before a sync word are skipped (counted as discarded). A frame with bad parity is
/// reported once and dropped whole; a size beyond the limit drops only the sync word, since the
/// frame's extent is then unknown. After `next()` returns nil at most one partial frame is buffered.
public struct EFAAFrameDecoder: Sendable {
    /// The largest data length accepted. Replies are at most a few dozen bytes; IMAGE notes are
    /// the only large ones, and the daemon never asks for images.
    public let maximumDataLength: Int
    public private(set) var discardedByteCount = 0

    private var buffer: [UInt8] = []
    private var start = 0

    public init(maximumDataLength: Int = 4096) {
        self.maximumDataLength = min(max(0, maximumDataLength), EFAAFrame.maximumDataLength)
    }

    /// Bytes received and not yet consumed.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Forgets every buffered byte (counted as discarded), e.g. after the module restarted.
    public mutating func reset() {
        discardedByteCount += bufferedByteCount
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The next whole frame, or nil when more bytes are needed.
    public mutating func next() throws(EFAAFrameError) -> EFAAFrame? {
        skipToSync()
        let available = bufferedByteCount
        guard available >= EFAAFrame.prefixLength else { return nil }
        let size = Int(buffer[start + 3]) << 8 | Int(buffer[start + 4])
        guard size <= maximumDataLength else {
            drop(EFAAFrame.sync.count)
            throw .sizeTooLarge(size)
        }
        let length = EFAAFrame.minimumLength + size
        guard available >= length else { return nil }
        let expected = EFAAFrame.parity(of: buffer[(start + 2)..<(start + length - 1)])
        let received = buffer[start + length - 1]
        guard expected == received else {
            drop(length)
            throw .badParity(expected: expected, received: received)
        }
        let dataStart = start + EFAAFrame.prefixLength
        let frame = try EFAAFrame(messageID: buffer[start + 2], data: Array(buffer[dataStart..<(dataStart + size)]))
        start += length
        return frame
    }

    /// Discards bytes up to the next `EF AA`, keeping a trailing `EF` that may start one.
    private mutating func skipToSync() {
        var index = start
        while index < buffer.count {
            if buffer[index] == 0xEF, index + 1 == buffer.count || buffer[index + 1] == 0xAA { break }
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
