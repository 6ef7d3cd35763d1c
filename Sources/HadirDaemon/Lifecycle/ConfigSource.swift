/// Where the running configuration came from, so a SIGHUP reload reads the same file with the
/// same `HADIR_*` overrides (including `--state`).
public struct ConfigSource: Sendable {
    /// nil: embedded defaults only (`--defaults`).
    public var path: String?
    public var environment: [String: String]

    public init(path: String?, environment: [String: String]) {
        self.path = path
        self.environment = environment
    }
}
