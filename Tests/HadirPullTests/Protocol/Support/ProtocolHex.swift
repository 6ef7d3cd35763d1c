/// Hex helpers so the tests can quote the spec's byte vectors verbatim ("50 50 82 7D").
enum ProtocolHex {
    /// The bytes of space-separated hex pairs.
    static func bytes(_ text: String) -> [UInt8] {
        text.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// Space-separated upper-case hex pairs, for readable failure messages.
    static func text(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count < 2 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    /// `text` as UTF-8, zero-padded to `width` bytes: a fixed-width field as the records hold it.
    static func field(_ text: String, width: Int) -> [UInt8] {
        let bytes = Array(text.utf8)
        return bytes + [UInt8](repeating: 0, count: width - bytes.count)
    }

    /// `count` zero bytes.
    static func zeros(_ count: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: count)
    }
}
