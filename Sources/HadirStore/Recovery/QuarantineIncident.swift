/// A damaged database that hadird moved aside at start, as the fresh database remembers it.
public struct QuarantineIncident: Hashable, Sendable, Codable {
    /// The quarantined file (`<path>.corrupt-<ms>`), kept for `hadirctl recover`.
    public var file: String
    /// Wall-clock milliseconds of the quarantine.
    public var atMilliseconds: Int64
    /// What SQLite's check reported about the old file.
    public var reason: String
    /// The last `hadirctl recover` of this file, in one line ("412 salvaged, …"), if any.
    public var recovered: String?

    public init(file: String, atMilliseconds: Int64, reason: String, recovered: String? = nil) {
        self.file = file
        self.atMilliseconds = atMilliseconds
        self.reason = reason
        self.recovered = recovered
    }

    enum CodingKeys: String, CodingKey {
        case file, reason, recovered
        case atMilliseconds = "at_ms"
    }
}
