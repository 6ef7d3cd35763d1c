/// A configuration mistake, reported as one line naming the file, line and key.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The config file path, or "environment" for `HADIR_*` overrides.
    public var file: String
    public var line: Int?
    public var key: String?
    public var reason: String

    public init(file: String, line: Int? = nil, key: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    /// `/etc/hadir/hadird.toml:12: scanner.baud: expected an integer, found a string`
    ///
    /// Always one line: control characters in the key (a quoted TOML key may hold `\n`) or the
    /// reason (toml++ quotes the text it saw, line end included) are shown escaped, so journald
    /// and `--check-config` print the whole error on one line.
    public var description: String {
        var text = Self.oneLine(file)
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(Self.oneLine(key)): " }
        return text + Self.oneLine(reason)
    }

    /// `text` with C0 controls and DEL escaped (`\n`, `\r`, `\t`, else `\u{1B}`).
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// sysexits.h EX_CONFIG: systemd and operators recognise it as "fix the config".
    public static let exitCode: Int32 = 78
}
