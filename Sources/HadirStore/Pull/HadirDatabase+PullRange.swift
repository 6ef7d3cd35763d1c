import GRDB
import HadirCore

/// The journal range a pull announces at GET_FREE_SIZES: punches with `afterSeq < seq <= throughSeq`.
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

    /// The punches in `(afterSeq, throughSeq]`, in seq order, read fast (cursor, column indexes).
    public func pullPunches(afterSeq: Int64, throughSeq: Int64) throws(StoreError) -> [PullPunch] {
        try reading { db in try Self.fetchPullPunches(db, after: afterSeq, through: throughSeq) }
    }

    static func punchCount(_ db: Database, after: Int64, through: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE seq > ? AND seq <= ?", arguments: [after, through]) ?? 0
    }

    static func fetchPullPunches(_ db: Database, after: Int64, through: Int64) throws -> [PullPunch] {
        var punches: [PullPunch] = []
        punches.reserveCapacity(try punchCount(db, after: after, through: through))
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, pin, utc_ms, zone_offset_s, verify, state FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq",
            arguments: [after, through])
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
