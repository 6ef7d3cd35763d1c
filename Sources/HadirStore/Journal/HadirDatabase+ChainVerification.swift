import GRDB
import HadirCore

extension HadirDatabase {
    /// Walks the whole journal in seq order and checks every link of the SHA-256 chain.
    ///
    /// Reads `batchSize` rows at a time, so memory stays flat on a journal of years; rows
    /// appended while it runs are checked too (the journal only grows). A row whose values
    /// cannot even be decoded is reported as a content mismatch at its seq, since no valid
    /// punch could have produced its hash. ``auditJournal(publicKey:batchSize:)`` also checks
    /// the signed checkpoints.
    public func verifyChain(batchSize: Int = 1000) throws(StoreError) -> ChainVerification {
        var audit = JournalAudit(checkpoints: [], publicKey: nil)
        try walkJournal(batchSize: batchSize) { row in
            guard let punch = try? row.punch() else {
                audit.unreadable(seq: row.seq)
                return false
            }
            return audit.check(punch) == nil
        }
        let report = audit.finish()
        guard let broken = report.firstBreak else { return .intact(count: report.punches) }
        guard case .chain(let reason) = broken.reason else {
            preconditionFailure("an audit without checkpoints reports chain breaks only")
        }
        return .broken(seq: broken.firstBadSeq, reason: reason)
    }
}
