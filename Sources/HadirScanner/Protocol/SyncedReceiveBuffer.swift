/// The byte buffer under the module frame decoders (EF01, EFAA): bytes received and not yet
/// consumed, resynchronised on a two-byte sync word, with every dropped byte counted.
///
/// Consumed bytes are removed lazily, so taking a frame is O(1) and memory stays bounded.
struct SyncedReceiveBuffer: Sendable {
    let sync: (UInt8, UInt8)
    /// Bytes thrown away so far: garbage between frames and bytes of rejected frames.
    private(set) var discardedByteCount = 0
    private var bytes: [UInt8] = []
    /// Index of the first unconsumed byte.
    private var start = 0

    init(sync: (UInt8, UInt8)) {
        self.sync = sync
    }

    /// Bytes received and not yet consumed.
    var count: Int { bytes.count - start }

    /// The unconsumed byte at `offset`.
    subscript(offset: Int) -> UInt8 { bytes[start + offset] }

    /// Unconsumed bytes `range` (offsets from the first unconsumed byte).
    subscript(range: Range<Int>) -> ArraySlice<UInt8> { bytes[(start + range.lowerBound)..<(start + range.upperBound)] }

    mutating func append<S: Sequence>(_ newBytes: S) where S.Element == UInt8 {
        compact()
        bytes.append(contentsOf: newBytes)
    }

    /// A frame of `count` bytes was taken.
    mutating func consume(_ count: Int) {
        start += min(count, self.count)
    }

    /// `count` bytes are thrown away (counted as discarded).
    mutating func discard(_ count: Int) {
        let count = min(count, self.count)
        start += count
        discardedByteCount += count
    }

    /// Forgets every buffered byte (counted as discarded).
    mutating func discardAll() {
        discardedByteCount += count
        bytes.removeAll(keepingCapacity: true)
        start = 0
    }

    /// Discards bytes up to the next sync word, keeping a trailing first sync byte that may start one.
    mutating func skipToSync() {
        var index = start
        while index < bytes.count {
            if bytes[index] == sync.0, index + 1 == bytes.count || bytes[index + 1] == sync.1 { break }
            index += 1
        }
        discard(index - start)
    }

    /// Reclaims consumed bytes once they dominate the buffer.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 4096 || start * 2 >= bytes.count {
            bytes.removeSubrange(0..<start)
            start = 0
        }
    }
}
