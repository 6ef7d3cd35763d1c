import GRDB
import HadirCore

extension HadirDatabase {
    /// Checks the whole journal: every link of the hash chain and every signed checkpoint.
    ///
    /// Reads `batchSize` punches at a time, so memory stays flat on a journal of years. With
    /// `publicKey` nil the checkpoints' hashes are compared but their signatures are not checked.
    public func auditJournal(publicKey: JournalPublicKey?, batchSize: Int = 1000) throws(StoreError) -> JournalAuditReport {
        var audit = JournalAudit(checkpoints: try checkpoints(), publicKey: publicKey)
        try walkJournal(batchSize: batchSize) { row in
            guard let punch = try? row.punch() else {
                audit.unreadable(seq: row.seq)
                return false
            }
            return audit.check(punch) == nil
        }
        return audit.finish()
    }

    /// Checks the rows since the last checkpoint, and that checkpoint: what may have changed while
    /// the kiosk was off. Cheap (at most `[journal] checkpoint_every` rows), so it runs at start.
    /// Nil when the journal was never signed.
    public func auditJournalTail(publicKey: JournalPublicKey) throws(StoreError) -> JournalAuditReport? {
        guard let last = try lastCheckpoint() else { return nil }
        let previous = last.seq > 1 ? try punch(seq: last.seq - 1) : nil
        var audit = JournalAudit(checkpoints: [last], publicKey: publicKey, after: previous)
        try walkJournal(afterSeq: last.seq - 1, batchSize: 500) { row in
            guard let punch = try? row.punch() else {
                audit.unreadable(seq: row.seq)
                return false
            }
            return audit.check(punch) == nil
        }
        var report = audit.finish()
        if case .rewritten(let checkpointSeq, nil)? = report.firstBreak?.reason {
            // Bound the change by the newest earlier checkpoint whose punch still carries the signed hash.
            let matching = try newestMatchingCheckpoint(before: checkpointSeq, publicKey: publicKey)
            report.firstBreak = JournalBreak(
                firstBadSeq: (matching ?? 0) + 1, reason: .rewritten(checkpointSeq: checkpointSeq, lastMatchingCheckpointSeq: matching))
        }
        return report
    }

    private func newestMatchingCheckpoint(before seq: Int64, publicKey: JournalPublicKey) throws(StoreError) -> Int64? {
        for checkpoint in try checkpoints(toSeq: seq - 1).reversed() where publicKey.isValidSignature(of: checkpoint) {
            if try punch(seq: checkpoint.seq)?.hash == checkpoint.chainHash { return checkpoint.seq }
        }
        return nil
    }

    /// Walks the journal in seq order, `batchSize` rows at a time, until `visit` returns false.
    /// Rows appended while it runs are visited too (the journal only grows).
    func walkJournal(afterSeq start: Int64 = 0, batchSize: Int, _ visit: (JournalRow) -> Bool) throws(StoreError) {
        let batchSize = max(1, batchSize)
        var afterSeq = start
        while true {
            let rows = try reading { db in
                try JournalRow.filter(JournalRow.Columns.seq > afterSeq).order(JournalRow.Columns.seq).limit(batchSize).fetchAll(db)
            }
            guard let last = rows.last else { return }
            for row in rows where !visit(row) { return }
            afterSeq = last.seq
        }
    }
}
