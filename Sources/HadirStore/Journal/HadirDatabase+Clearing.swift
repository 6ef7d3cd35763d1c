import GRDB
import HadirCore

extension HadirDatabase {
    /// Punches with `fromUTC <= utc_ms < toUTC`, counted in SQL (VERIFY SUM, INFO).
    public func punchCount(fromUTC: Int64?, toUTC: Int64?) throws(StoreError) -> Int {
        try reading { db in
            var request = JournalRow.all()
            if let fromUTC { request = request.filter(JournalRow.Columns.utcMilliseconds >= fromUTC) }
            if let toUTC { request = request.filter(JournalRow.Columns.utcMilliseconds < toUTC) }
            return try request.fetchCount(db)
        }
    }

    /// The seq up to which a server's CLEAR LOG has cleared the device log (0 = never).
    ///
    /// Clearing never deletes journal rows — they are the tamper-evident record and may still be
    /// owed to a server. It moves this watermark, which device-side counts (INFO, pulls) respect.
    public func logClearedThroughSeq() throws(StoreError) -> Int64 {
        Int64(try meta("log_cleared_through_seq") ?? "") ?? 0
    }

    /// Clears the device log through `seq` (only ever forward), audited. Returns how many punches
    /// remain above the watermark.
    @discardableResult
    public func clearLog(throughSeq seq: Int64, actor: String, detail: String) throws(StoreError) -> Int {
        try writing { db in
            let current = Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'log_cleared_through_seq'") ?? "") ?? 0
            let target = max(current, seq)
            try db.execute(
                sql:
                    "INSERT INTO meta (key, value) VALUES ('log_cleared_through_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(target)])
            try db.execute(
                sql: "INSERT INTO audit_log (at_ms, action, detail, actor) VALUES (?, 'clear-log', ?, ?)",
                arguments: [clock(), "through seq \(target): \(detail)", actor])
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE seq > ?", arguments: [target]) ?? 0
        }
    }
}
