import GRDB
import HadirCore

extension HadirDatabase {
    /// Everything above the clear watermark, in seq order: the effective log, where a correction row
    /// stands in for the punch it re-times (that original is left out). Read in one read
    /// transaction, so the watermark, the count and the rows agree.
    ///
    /// Rows are read through a cursor by column index, without Codable decoding or PIN
    /// validation, because a pull client disables the device while it downloads. Budget: 100,000
    /// rows well under 150 ms in a release build; measured about 30 ms on the 2-core reference
    /// machine (benchmark: `swift build -c release`, fill a journal with 100,000 punches through
    /// ``append(contentsOf:)``, time this call and ``pullAttendanceCount()``, about 4 ms).
    ///
    /// Punches appended afterwards are not included; the snapshot's
    /// ``PullAttendanceSnapshot/throughSeq`` is what a later CLEAR_ATTLOG may clear.
    public func pullAttendanceSnapshot() throws(StoreError) -> PullAttendanceSnapshot {
        try reading { db in
            let watermark = try Self.clearedThroughSeq(db)
            let punches = try Self.fetchPullPunches(db, after: watermark, through: Int64.max)
            return PullAttendanceSnapshot(clearedThroughSeq: watermark, throughSeq: punches.last?.seq ?? watermark, punches: punches)
        }
    }

    /// How many punches a snapshot would hold now (GET_FREE_SIZES, before a snapshot).
    public func pullAttendanceCount() throws(StoreError) -> Int {
        try reading { db in
            try Self.punchCount(db, after: try Self.clearedThroughSeq(db), through: Int64.max)
        }
    }

    /// CLEAR_ATTLOG from a pull session: moves the watermark to
    /// `min(snapshotThroughSeq, clearableThroughSeq(servers))`, only ever forward, so punches that
    /// arrived after the session's download, or that an uplink server still lacks, stay visible.
    ///
    /// One write transaction moves the watermark, appends a `pull_clears` row (even when nothing
    /// could be cleared, so the archive shows the attempt) and a 'clear-log' audit line naming
    /// `peer`. With `snapshotThroughSeq == nil` (the session never downloaded) nothing is cleared
    /// and only the audit line records the attempt. The journal rows are never deleted.
    /// - Returns: How many punches were cleared and how many remain above the new watermark.
    @discardableResult
    public func clearPulledAttendance(
        snapshotThroughSeq: Int64?, servers: [String], peer: String, actor: String
    ) throws(StoreError) -> PullClearResult {
        let now = clock()
        return try writing { db in
            guard let snapshotThroughSeq else {
                let current = try Self.clearedThroughSeq(db)
                let remaining = try Self.punchCount(db, above: current)
                try AuditRow.record(
                    db, at: now, action: .clearLog, pin: nil, slot: nil,
                    detail: "CLEAR_ATTLOG from \(peer) before any download: nothing cleared, \(remaining) remaining", actor: actor)
                return PullClearResult(cleared: 0, remaining: remaining, throughSeq: current)
            }
            let bound = try Self.clearableThroughSeq(db, servers: servers)
            let move = try Self.moveWatermark(
                db, toward: min(snapshotThroughSeq, bound), at: now, peer: peer, actor: actor, archiveUnmoved: true)
            var detail = "CLEAR_ATTLOG from \(peer): "
            detail +=
                move.cleared > 0
                ? "cleared \(move.cleared) punch(es), seq \(move.fromSeq + 1)…\(move.throughSeq)"
                : "nothing cleared (already through seq \(move.fromSeq))"
            detail += ", \(move.remaining) remaining"
            if bound < snapshotThroughSeq {
                detail += "; downloaded through seq \(snapshotThroughSeq), uplink servers allow only through seq \(bound)"
            }
            try AuditRow.record(db, at: now, action: .clearLog, pin: nil, slot: nil, detail: detail, actor: actor)
            return PullClearResult(cleared: move.cleared, remaining: move.remaining, throughSeq: move.throughSeq)
        }
    }

    /// The archive of clears (pull CLEAR_ATTLOG and uplink CLEAR LOG), oldest first, newest last.
    public func pullClears() throws(StoreError) -> [PullClearRecord] {
        try reading { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, at_ms, peer, from_seq, through_seq, cleared, remaining, actor FROM pull_clears ORDER BY id"
            ).map { row in
                PullClearRecord(
                    id: row[0], atMilliseconds: row[1], peer: row[2], fromSeq: row[3], throughSeq: row[4], cleared: row[5],
                    remaining: row[6], actor: row[7])
            }
        }
    }

    /// The punches a clear hid from device views — journal rows in `(from_seq, through_seq]` — or,
    /// when `clearID` is nil, those of every clear, in seq order. They were never deleted.
    /// - Returns: An empty list when no clear has this id.
    public func clearedPunches(clearID: Int64?) throws(StoreError) -> [Punch] {
        let rows = try reading { db in
            var ranges: [(from: Int64, through: Int64)] = []
            let sql = "SELECT from_seq, through_seq FROM pull_clears" + (clearID == nil ? "" : " WHERE id = ?")
            let arguments: StatementArguments = clearID.map { [$0] } ?? []
            for row in try Row.fetchAll(db, sql: sql + " ORDER BY from_seq, through_seq", arguments: arguments) {
                let range = (from: row[0] as Int64, through: row[1] as Int64)
                guard range.through > range.from else { continue }
                // Clears are consecutive; merging also keeps a hand-made overlap from listing a row twice.
                if let last = ranges.last, range.from <= last.through {
                    ranges[ranges.count - 1].through = max(last.through, range.through)
                } else {
                    ranges.append(range)
                }
            }
            var rows: [JournalRow] = []
            for range in ranges {
                rows +=
                    try JournalRow
                    .filter(JournalRow.Columns.seq > range.from && JournalRow.Columns.seq <= range.through)
                    .order(JournalRow.Columns.seq)
                    .fetchAll(db)
            }
            return rows
        }
        return try Self.punches(rows)
    }

    // MARK: - Watermark

    /// `log_cleared_through_seq` within the caller's transaction (0 = never cleared).
    static func clearedThroughSeq(_ db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'log_cleared_through_seq'") ?? "") ?? 0
    }

    static func punchCount(_ db: Database, above seq: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE seq > ?", arguments: [seq]) ?? 0
    }

    /// Moves the watermark toward `target` within the caller's write transaction: only forward, and
    /// never past the last punch (a watermark beyond it would hide punches not yet recorded).
    /// Appends the `pull_clears` row when it moved, or always with `archiveUnmoved`.
    static func moveWatermark(
        _ db: Database, toward target: Int64, at now: Int64, peer: String, actor: String, archiveUnmoved: Bool
    ) throws -> (fromSeq: Int64, throughSeq: Int64, cleared: Int, remaining: Int) {
        let current = try clearedThroughSeq(db)
        let tip = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM journal") ?? 0
        let through = max(current, min(target, tip))
        let cleared =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM journal WHERE seq > ? AND seq <= ?", arguments: [current, through]) ?? 0
        if through > current {
            try db.execute(
                sql: """
                    INSERT INTO meta (key, value) VALUES ('log_cleared_through_seq', ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [String(through)])
        }
        let remaining = try punchCount(db, above: through)
        if through > current || archiveUnmoved {
            try db.execute(
                sql: """
                    INSERT INTO pull_clears (at_ms, peer, from_seq, through_seq, cleared, remaining, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [now, peer, current, through, cleared, remaining, actor])
        }
        return (current, through, cleared, remaining)
    }
}
