import GRDB
import HadirCore

extension HadirDatabase {
    /// Walks the whole journal in seq order and checks every link of the SHA-256 chain.
    ///
    /// Reads `batchSize` rows at a time, so memory stays flat on a journal of years; rows
    /// appended while it runs are checked too (the journal only grows). A row whose values
    /// cannot even be decoded is reported as a content mismatch at its seq, since no valid
    /// punch could have produced its hash.
    public func verifyChain(batchSize: Int = 1000) throws(StoreError) -> ChainVerification {
        let batchSize = max(1, batchSize)
        var previous: Punch?
        var count = 0
        while true {
            let afterSeq = previous?.seq ?? 0
            let rows = try reading { db in
                try JournalRow
                    .filter(JournalRow.Columns.seq > afterSeq)
                    .order(JournalRow.Columns.seq)
                    .limit(batchSize)
                    .fetchAll(db)
            }
            guard !rows.isEmpty else { return .intact(count: count) }
            var batch: [Punch] = []
            batch.reserveCapacity(rows.count)
            for row in rows {
                guard let punch = try? row.punch() else {
                    // Report a gap before it if there is one: that is the first break.
                    let gap = PunchChain.verify(batch, after: previous)
                    if case .broken = gap { return gap }
                    return .broken(seq: row.seq, reason: .contentHashMismatch)
                }
                batch.append(punch)
            }
            switch PunchChain.verify(batch, after: previous) {
            case .broken(let seq, let reason): return .broken(seq: seq, reason: reason)
            case .intact(let checked): count += checked
            }
            previous = batch.last
        }
    }
}
