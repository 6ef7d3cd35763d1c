/// Byte-level helpers shared by the ADMS parsers.
///
/// Every delimiter in the protocol (LF, CR, TAB, space, `=`, `:`, `,`) is ASCII, and ASCII bytes never
/// occur inside a multi-byte UTF-8 sequence, so splitting raw bytes is exact, cheap and cannot trap on
/// malformed text. Text is decoded to `String` only at the leaves, with U+FFFD for invalid UTF-8.
enum ADMSBytes {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let equals: UInt8 = 0x3D
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C

    /// The non-empty lines of a body, split on CR and LF in any combination (CRLF, `\n\r`, bare CR).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        bytes.split(omittingEmptySubsequences: true, whereSeparator: { $0 == lineFeed || $0 == carriageReturn })
    }

    /// A body without a leading UTF-8 byte-order mark (some Windows servers send one).
    static func droppingByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// The slice without leading and trailing spaces and TABs.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Upper-cases ASCII letters only, so keys compare case-insensitively without locale rules.
    static func upper(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// True when `bytes` starts with the ASCII `prefix`, ignoring ASCII case.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, caseInsensitive prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        guard bytes.count >= wanted.count else { return false }
        return zip(bytes, wanted).allSatisfy { asciiUpper($0) == asciiUpper($1) }
    }

    static func asciiUpper(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A short, single-line rendering of untrusted bytes for logs and diagnostics: control characters
    /// become `?`, and the text is cut at `limit` bytes (a cut inside a character shows as U+FFFD).
    static func excerpt(_ bytes: ArraySlice<UInt8>, limit: Int = 80) -> String {
        let cut = bytes.prefix(limit).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
        return String(decoding: cut, as: UTF8.self) + (bytes.count > limit ? "…" : "")
    }

    static func excerpt(_ text: String, limit: Int = 80) -> String { excerpt(Array(text.utf8)[...], limit: limit) }

    /// Parses an optionally signed decimal integer of at most 18 digits; nil for anything else.
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        var digits = bytes
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let magnitude = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return negative ? -magnitude : magnitude
    }

    static func integer(_ text: String) -> Int? { integer(trimmed(Array(text.utf8)[...])) }
}
