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
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + reason
    }

    /// sysexits.h EX_CONFIG: systemd and operators recognise it as "fix the config".
    public static let exitCode: Int32 = 78
}
