import GRDB
import HadirCore

/// The journal range a pull announces at GET_FREE_SIZES: punches with `afterSeq < seq <= throughSeq`,
/// less rows a correction in the range supersedes.
public struct PullAttendanceBounds: Sendable, Equatable {
    public var afterSeq: Int64
    public var throughSeq: Int64
    public var count: Int

    public init(afterSeq: Int64, throughSeq: Int64, count: Int) {
        self.afterSeq = afterSeq
        self.throughSeq = throughSeq
        self.count = count
    }
}

extension HadirDatabase {
    /// What a pull may serve right now: everything above the clear watermark, up to the last punch.
    ///
    /// The journal is append-only, so the same bounds name the same punches later, however many
    /// punches arrive in between: the count announced and the buffer served always agree.
    public func pullAttendanceBounds() throws(StoreError) -> PullAttendanceBounds {
        try reading { db in
            let watermark = try Self.clearedThroughSeq(db)
            let tip = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM journal") ?? 0
            let through = max(watermark, tip)
            let count = try Self.punchCount(db, after: watermark, through: through)
            return PullAttendanceBounds(afterSeq: watermark, throughSeq: through, count: count)
        }
    }

    /// The punches in `(afterSeq, throughSeq]`, in seq order, read fast (cursor, column indexes);
    /// rows a correction in the range supersedes are left out.
    public func pullPunches(afterSeq: Int64, throughSeq: Int64) throws(StoreError) -> [PullPunch] {
        try reading { db in try Self.fetchPullPunches(db, after: afterSeq, through: throughSeq) }
    }

    static func punchCount(_ db: Database, after: Int64, through: Int64) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM journal AS j WHERE j.seq > ? AND j.seq <= ? AND \(notSupersededThrough)",
            arguments: [after, through, through]) ?? 0
    }

    /// SQL condition on `journal AS j` (one `?`: the range's last seq): no correction row within
    /// the range re-times it. Pull clients see the effective log — a corrected punch once, at its
    /// corrected time — because they cannot be told which row a correction replaces
    /// (docs/decisions/0010-clock-corrections.md). Bounding by the range keeps a range's count
    /// and rows the same however many corrections arrive later.
    static let notSupersededThrough = "NOT EXISTS (SELECT 1 FROM journal AS c WHERE c.corrects_seq = j.seq AND c.seq <= ?)"

    static func fetchPullPunches(_ db: Database, after: Int64, through: Int64) throws -> [PullPunch] {
        var punches: [PullPunch] = []
        punches.reserveCapacity(try punchCount(db, after: after, through: through))
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT j.seq, j.pin, j.utc_ms, j.zone_offset_s, j.verify, j.state FROM journal AS j
                WHERE j.seq > ? AND j.seq <= ? AND \(notSupersededThrough) ORDER BY j.seq
                """,
            arguments: [after, through, through])
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let zone: Int64 = row[3]
            guard let zoneOffset = Int32(exactly: zone) else {
                throw StoreError.invalidRow(table: "journal", key: "seq \(seq)", reason: "zone_offset_s \(zone) is out of range")
            }
            // verify and state are CHECKed to 0…255 by the schema.
            let verify: Int64 = row[4]
            let state: Int64 = row[5]
            punches.append(
                PullPunch(
                    seq: seq, pin: row[1], utcMilliseconds: row[2], zoneOffsetSeconds: zoneOffset,
                    verify: UInt8(truncatingIfNeeded: verify), state: UInt8(truncatingIfNeeded: state)))
        }
        return punches
    }
}
