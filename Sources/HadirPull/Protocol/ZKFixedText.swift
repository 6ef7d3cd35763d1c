/// Fixed-width, zero-padded text fields as ZK records carry them (never space-padded).
enum ZKFixedText {
    /// Appends `text` cut on a character boundary to at most `width` bytes, then zeros up to `width`.
    static func append(_ text: String, width: Int, to buffer: inout [UInt8]) {
        let bytes = ZKUser.truncatedUTF8(text, maxBytes: width)
        buffer.append(contentsOf: bytes)
        appendZeros(width - bytes.count, to: &buffer)
    }

    static func appendZeros(_ count: Int, to buffer: inout [UInt8]) {
        guard count > 0 else { return }
        buffer.append(contentsOf: repeatElement(0, count: count))
    }

    /// The text up to the first NUL. A character cut short at the end (pyzk packs names with a
    /// plain byte cut) is dropped; other invalid UTF-8 is repaired with U+FFFD instead of failing,
    /// because a user must not be lost over a name.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<completeCharactersEnd(bytes[bytes.startIndex..<end])], as: UTF8.self)
    }

    /// Where the text ends once an incomplete multi-byte sequence at its very end is left out.
    static func completeCharactersEnd(_ bytes: ArraySlice<UInt8>) -> Int {
        var lead = bytes.endIndex
        var continuations = 0
        // At most 3 continuation bytes can follow a lead byte.
        while lead > bytes.startIndex, continuations < 4 {
            lead -= 1
            let byte = bytes[lead]
            if byte & 0xC0 == 0x80 {
                continuations += 1
                continue
            }
            let needed = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
            let isLead = (0xC0...0xF7).contains(byte)
            return isLead && continuations < needed ? lead : bytes.endIndex
        }
        return bytes.endIndex
    }

    /// `decode` over `count` bytes of `bytes` starting at `index`.
    static func decode(_ bytes: [UInt8], at index: Int, count: Int) -> String {
        decode(bytes[index..<(index + count)])
    }
}
