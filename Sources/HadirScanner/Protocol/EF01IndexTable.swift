/// The ReadIndexTable occupancy bitmap: page p, byte k, bit n (LSB first) = slot 256p + 8k + n.
public enum EF01IndexTable {
    /// Bitmap bytes per page.
    public static let bytesPerPage = 32
    /// Slots covered by one page.
    public static let slotsPerPage = 256

    /// The pages needed to cover `capacity` slots (e.g. 0…0 for 200, 0…3 for 1000).
    public static func pages(forCapacity capacity: Int) -> ClosedRange<UInt8>? {
        guard capacity > 0 else { return nil }
        let last = min((capacity - 1) / slotsPerPage, Int(UInt8.max))
        return 0...UInt8(last)
    }

    /// The occupied slots recorded in `bitmap` for page `page`, ascending.
    ///
    /// Requires the full 32 bytes; bytes beyond them are ignored.
    public static func slots(page: UInt8, bitmap: [UInt8]) throws(EF01FrameError) -> [UInt16] {
        guard bitmap.count >= bytesPerPage else {
            throw .replyTooShort(expected: bytesPerPage, received: bitmap.count)
        }
        var slots: [UInt16] = []
        let base = Int(page) * slotsPerPage
        for byteIndex in 0..<bytesPerPage {
            let byte = bitmap[byteIndex]
            guard byte != 0 else { continue }
            for bit in 0..<8 where byte & (1 << bit) != 0 {
                // At most 255 * 256 + 255 = 65535, so this never truncates.
                slots.append(UInt16(truncatingIfNeeded: base + byteIndex * 8 + bit))
            }
        }
        return slots
    }

    /// The 32-byte bitmap of page `page` with the given slots marked; other pages' slots are ignored.
    public static func bitmap<S: Sequence>(page: UInt8, slots: S) -> [UInt8] where S.Element == UInt16 {
        var bitmap = [UInt8](repeating: 0, count: bytesPerPage)
        let base = Int(page) * slotsPerPage
        for slot in slots {
            let offset = Int(slot) - base
            guard offset >= 0, offset < slotsPerPage else { continue }
            bitmap[offset / 8] |= 1 << (offset % 8)
        }
        return bitmap
    }
}
