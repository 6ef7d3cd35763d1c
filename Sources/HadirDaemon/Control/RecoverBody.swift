/// Body of `POST /v1/recover`.
public struct RecoverBody: Codable, Sendable {
    /// The quarantined database: its name in the state directory, or a path inside it.
    public var file: String

    public init(file: String) {
        self.file = file
    }
}
