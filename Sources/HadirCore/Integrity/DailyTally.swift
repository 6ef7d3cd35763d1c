import Crypto

/// One local day's punches, summarised for reconciliation with a server: on days 1-4 of the next
/// month offices compare counts per day, and the digest proves both sides hold the same records.
public struct DailyTally: Hashable, Sendable, Codable {
    /// Local date, "YYYY-MM-DD".
    public var date: String
    public var count: Int
    public var firstSeq: Int64
    public var lastSeq: Int64
    /// SHA-256 over the day's punch hashes in seq order, lowercase hex.
    public var digest: String

    /// Tallies `punches` (any order) by local day at `offsetSeconds`, days in order.
    public static func byLocalDay<S: Sequence<Punch>>(_ punches: S, offsetSeconds: Int32) -> [DailyTally] {
        var days: [Int64: [Punch]] = [:]
        for punch in punches {
            let day = LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: offsetSeconds).dayNumber
            days[day, default: []].append(punch)
        }
        return days.keys.sorted().compactMap { day in
            guard let sorted = days[day]?.sorted(by: { $0.seq < $1.seq }), let first = sorted.first, let last = sorted.last else {
                return nil
            }
            var hasher = SHA256()
            for punch in sorted { hasher.update(data: punch.hash) }
            let local = LocalDateTime(utcMilliseconds: first.utcMilliseconds, offsetSeconds: offsetSeconds)
            let date = local.description.prefix(10)
            return DailyTally(
                date: String(date), count: sorted.count, firstSeq: first.seq, lastSeq: last.seq,
                digest: Array(hasher.finalize()).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }

    enum CodingKeys: String, CodingKey {
        case date, count, digest
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
    }
}
