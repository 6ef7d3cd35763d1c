// Big-endian helpers shared by the EF01 codec: every multi-byte number on the wire is big-endian.

extension Array where Element == UInt8 {
    /// Appends `value` most significant byte first.
    mutating func appendBigEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends `value` most significant byte first.
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }
}

extension Collection where Element == UInt8, Index == Int {
    /// The big-endian `UInt16` at `offset`, or nil when the bytes run out.
    func bigEndianUInt16(at offset: Int) -> UInt16? {
        guard offset >= startIndex, offset + 2 <= endIndex else { return nil }
        return UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }

    /// The big-endian `UInt32` at `offset`, or nil when the bytes run out.
    func bigEndianUInt32(at offset: Int) -> UInt32? {
        guard offset >= startIndex, offset + 4 <= endIndex else { return nil }
        return UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16
            | UInt32(self[offset + 2]) << 8 | UInt32(self[offset + 3])
    }
}
