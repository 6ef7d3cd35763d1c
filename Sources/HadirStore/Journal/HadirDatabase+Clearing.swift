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
        try reading { db in try Self.clearedThroughSeq(db) }
    }

    /// Clears the device log through `seq` (only ever forward, never past the last punch), audited.
    /// When the watermark moves, the clear is also archived in `pull_clears` with peer "uplink", so
    /// ``pullClears()`` lists every clear. Returns how many punches remain above the watermark.
    @discardableResult
    public func clearLog(throughSeq seq: Int64, actor: String, detail: String) throws(StoreError) -> Int {
        let now = clock()
        return try writing { db in
            let move = try Self.moveWatermark(
                db, toward: seq, at: now, peer: "uplink", actor: actor, archiveUnmoved: false)
            try AuditRow.record(
                db, at: now, action: .clearLog, pin: nil, slot: nil, detail: "through seq \(move.throughSeq): \(detail)",
                actor: actor)
            return move.remaining
        }
    }
}
