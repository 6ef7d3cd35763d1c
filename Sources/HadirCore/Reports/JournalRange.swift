/// The journal rows a report was made from: the first and last seq and their chain hashes, so a
/// printed report can be matched to the journal (`hadirctl journal-proof --from --to`).
public struct JournalRange: Hashable, Sendable, Encodable {
    public var firstSeq: Int64
    public var firstHash: String
    public var lastSeq: Int64
    public var lastHash: String
    public var punches: Int

    /// nil when there are no punches.
    public init?(_ punches: [Punch]) {
        guard let first = punches.min(by: { $0.seq < $1.seq }), let last = punches.max(by: { $0.seq < $1.seq }) else { return nil }
        firstSeq = first.seq
        firstHash = Self.hex(first.hash)
        lastSeq = last.seq
        lastHash = Self.hex(last.hash)
        self.punches = punches.count
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    enum CodingKeys: String, CodingKey {
        case punches
        case firstSeq = "first_seq"
        case firstHash = "first_hash"
        case lastSeq = "last_seq"
        case lastHash = "last_hash"
    }
}
