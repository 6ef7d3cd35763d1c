import GRDB
import HadirCore

extension HadirDatabase {
    /// Signs the journal's last punch now (shutdown, a proof request), unless it already has a
    /// checkpoint. Returns the checkpoint of the tip, nil for an empty journal.
    @discardableResult
    public func checkpointTip(_ checkpointing: JournalCheckpointing) throws(StoreError) -> JournalCheckpoint? {
        let now = clock()
        return try writing { db in
            guard let tip = try JournalRow.order(JournalRow.Columns.seq.desc).fetchOne(db)?.punch() else { return nil }
            if let existing = try JournalCheckpointRow.fetchOne(db, key: tip.seq) { return existing.checkpoint }
            let checkpoint = checkpointing.checkpoint(of: tip, atMilliseconds: now)
            try JournalCheckpointRow(checkpoint).insert(db)
            return checkpoint
        }
    }

    /// Inside an append transaction: signs `punch` if `checkpointing` says it is due.
    static func checkpointIfDue(_ punch: Punch, _ checkpointing: JournalCheckpointing?, at now: Int64, in db: Database) throws {
        guard let checkpointing else { return }
        let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM journal_checkpoints")
        guard checkpointing.isDue(seq: punch.seq, lastCheckpointSeq: last) else { return }
        try JournalCheckpointRow(checkpointing.checkpoint(of: punch, atMilliseconds: now)).insert(db)
    }

    /// The latest checkpoint, or nil when the journal was never signed.
    public func lastCheckpoint() throws(StoreError) -> JournalCheckpoint? {
        try reading { db in try JournalCheckpointRow.order(JournalCheckpointRow.Columns.seq.desc).fetchOne(db) }?.checkpoint
    }

    /// Checkpoints with seq in `fromSeq...toSeq`, in seq order.
    public func checkpoints(fromSeq: Int64 = 1, toSeq: Int64 = .max) throws(StoreError) -> [JournalCheckpoint] {
        try reading { db in
            try JournalCheckpointRow
                .filter(JournalCheckpointRow.Columns.seq >= fromSeq && JournalCheckpointRow.Columns.seq <= toSeq)
                .order(JournalCheckpointRow.Columns.seq)
                .fetchAll(db)
        }.map(\.checkpoint)
    }

    /// The first checkpoint at or after `seq`, or nil.
    public func checkpoint(atOrAfter seq: Int64) throws(StoreError) -> JournalCheckpoint? {
        try reading { db in
            try JournalCheckpointRow.filter(JournalCheckpointRow.Columns.seq >= seq).order(JournalCheckpointRow.Columns.seq).fetchOne(db)
        }?.checkpoint
    }
}
