/// The body of `POST /iclock/cdata?table=options` (reference §0, §1 PushOptions): `key=value,key=value`.
public enum ADMSOptionsUpload {
    /// Encodes the pairs in order. A `,` or line break inside a value would start a new pair, so it
    /// becomes a space; keys lose `=`, `,` and blanks. Pairs with an empty key are skipped.
    public static func body(_ options: [ADMSKeyValue]) -> String {
        options.compactMap { option -> String? in
            let key = String(option.key.filter { $0 != "=" && $0 != "," && !$0.isWhitespace && $0.asciiValue.map({ $0 >= 0x20 }) != false })
            guard !key.isEmpty else { return nil }
            return key + "=" + ADMSKeyValue.sanitized(option.value, forbidding: [","])
        }.joined(separator: ",")
    }

    /// The pairs the server asked for in `PushOptions` (matched case-insensitively), in the order
    /// given; all pairs when the server listed none.
    public static func selecting(_ options: [ADMSKeyValue], requested keys: [String]) -> [ADMSKeyValue] {
        guard !keys.isEmpty else { return options }
        let wanted = Set(keys.map { $0.lowercased() })
        return options.filter { wanted.contains($0.key.lowercased()) }
    }
}
