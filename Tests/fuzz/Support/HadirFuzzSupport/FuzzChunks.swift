import HadirCore

/// Cuts a byte stream into the pieces a serial line or socket might deliver: decoders must give
/// the same result however the bytes are split.
public enum FuzzChunks {
    /// `stream` in pieces of 1…`largest` bytes, the sizes drawn from `seed`.
    public static func split(_ stream: [UInt8], seed: UInt8, largest: Int = 64) -> [ArraySlice<UInt8>] {
        var random = SplitMix64(seed: UInt64(seed))
        let largest = UInt64(max(1, largest))
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + Int(random.next() % largest) + 1)
            chunks.append(stream[offset..<end])
            offset = end
        }
        return chunks
    }
}
