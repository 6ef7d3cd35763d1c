import HadirControl
import HadirCore

extension ControlActions {
    /// `GET /journal/proof?from=&to=`: rows `from`...`to` (seqs) up to the next checkpoint.
    func journalProof(from: Int64?, to: Int64?) throws -> JournalProof {
        guard let integrity else { throw ControlAPIError.unavailable("this daemon signs no checkpoints") }
        do {
            return try JournalProofBuilder(database: database, checkpointing: integrity.checkpointing).proof(from: from, to: to)
        } catch JournalProofBuilder.Failure.badRange(let reason) {
            throw ControlAPIError.badRequest(reason)
        } catch JournalProofBuilder.Failure.empty {
            throw ControlAPIError.notFound("the journal is empty")
        }
    }
}
