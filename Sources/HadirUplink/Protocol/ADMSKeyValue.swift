/// One `key=value` pair of an encoded ADMS text (result fields, INFO result lines, options upload).
public struct ADMSKeyValue: Hashable, Sendable {
    public var key: String
    public var value: String

    /// The pair `key=value`; encoders sanitise both when they write them.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

extension ADMSKeyValue {
    /// Replaces every byte in `forbidden` (and every control character) by a space, so a value can
    /// never break the record or field structure around it.
    static func sanitized(_ text: String, forbidding forbidden: Set<Character>) -> String {
        String(text.map { $0.isNewline || forbidden.contains($0) || $0.asciiValue.map({ $0 < 0x20 || $0 == 0x7F }) == true ? " " : $0 })
    }
}
