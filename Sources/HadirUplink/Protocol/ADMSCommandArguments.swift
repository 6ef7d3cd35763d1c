/// The `key=value` arguments of one command (reference §3), read tolerantly.
///
/// Fields are TAB-separated. Keys compare case-insensitively (`PIN`, `Pin`, `pin` are one key), values
/// lose surrounding blanks, a repeated key keeps its last value, and a field without `=` is ignored.
/// Some servers separate fields with spaces instead of TABs; when the text holds a single TAB-separated
/// field it is also split before ` <Key>=` for the keys the command knows, so `PIN=1 Name=Budi Santoso Pri=0` reads as
/// three fields while a name with spaces stays whole.
public struct ADMSCommandArguments: Hashable, Sendable {
    /// No command of the reference has more than a dozen fields.
    public static let maximumFields = 64

    /// Values by upper-cased key.
    public private(set) var values: [String: String] = [:]
    /// Fields that had no `=` or an empty key, counted for the log.
    public private(set) var ignoredFieldCount = 0

    /// Parses argument text; `knownKeys` (upper-cased) enable the space-separated fallback.
    public init(parsing text: String, knownKeys: Set<String> = []) throws(ADMSCommandArgumentError) {
        try self.init(bytes: Array(text.utf8)[...], knownKeys: knownKeys)
    }

    init(bytes: ArraySlice<UInt8>, knownKeys: Set<String>) throws(ADMSCommandArgumentError) {
        var fields = bytes.split(separator: ADMSBytes.tab)
        if fields.count == 1, !knownKeys.isEmpty, let only = fields.first {
            fields = Self.splitBeforeKnownKeys(only, knownKeys: knownKeys)
        }
        var seen = 0
        for raw in fields {
            let field = ADMSBytes.trimmed(raw)
            if field.isEmpty { continue }
            seen += 1
            guard seen <= Self.maximumFields else { throw .tooManyArguments(count: seen) }
            guard let equals = field.firstIndex(of: ADMSBytes.equals) else {
                ignoredFieldCount += 1
                continue
            }
            let key = ADMSBytes.trimmed(field[..<equals])
            guard !key.isEmpty, key.count <= 64 else {
                ignoredFieldCount += 1
                continue
            }
            values[ADMSBytes.upper(key)] = ADMSBytes.string(ADMSBytes.trimmed(field[(equals + 1)...]))
        }
    }

    /// The value of the first of `keys` (upper-cased aliases, e.g. `"PRI", "PRIVILEGE"`) that is present.
    public func value(_ keys: String...) -> String? { value(keys) }

    /// The value of the first of `keys` that is present.
    public func value(_ keys: [String]) -> String? {
        for key in keys { if let value = values[key] { return value } }
        return nil
    }

    /// Splits a TAB-less field list before each blank-preceded `<known key>=`.
    static func splitBeforeKnownKeys(_ text: ArraySlice<UInt8>, knownKeys: Set<String>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var pieceStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            guard ADMSBytes.isBlank(text[index]) else {
                index += 1
                continue
            }
            let keyStart = text[index...].firstIndex(where: { !ADMSBytes.isBlank($0) }) ?? text.endIndex
            let key = text[keyStart...].prefix(while: { ADMSBytes.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "_") }).prefix(33)
            let afterKey = keyStart + key.count
            if !key.isEmpty, afterKey < text.endIndex, text[afterKey] == ADMSBytes.equals, knownKeys.contains(ADMSBytes.upper(key)) {
                pieces.append(text[pieceStart..<index])
                pieceStart = keyStart
            }
            index = max(keyStart, index + 1)
        }
        pieces.append(text[pieceStart...])
        return pieces
    }
}
