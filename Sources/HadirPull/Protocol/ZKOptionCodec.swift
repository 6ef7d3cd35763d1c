/// OPTIONS_RRQ (11) and OPTIONS_WRQ (12) payloads: `name` + NUL in, `name=value` + NUL out.
public enum ZKOptionCodec {
    /// The option name a read asks for: the text up to the first NUL (or the whole payload),
    /// invalid UTF-8 repaired rather than rejected.
    public static func name(fromRequest payload: [UInt8]) -> String {
        ZKFixedText.decode(payload[...])
    }

    /// The reply payload `name=value` + NUL.
    public static func reply(name: String, value: String) -> [UInt8] {
        var buffer = Array(name.utf8)
        buffer.reserveCapacity(name.utf8.count + value.utf8.count + 2)
        buffer.append(UInt8(ascii: "="))
        buffer.append(contentsOf: value.utf8)
        buffer.append(0)
        return buffer
    }

    /// The `name` and `value` of a write such as `SDKBuild=1` (pyzk sends no NUL; one is allowed).
    ///
    /// Nil when there is no `=` or the name is empty; the value may be empty and may contain `=`.
    public static func assignment(fromWrite payload: [UInt8]) -> (name: String, value: String)? {
        let text = ZKFixedText.decode(payload[...])
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
