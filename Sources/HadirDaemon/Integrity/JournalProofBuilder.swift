import HadirCore
import HadirStore

/// Builds a ``JournalProof`` for a seq range, signing the tip first when no checkpoint covers the
/// end of the range yet (the daemon wrote those rows; the proof must end on a signature).
struct JournalProofBuilder {
    /// The most rows one proof carries; a server pages through longer ranges.
    static let maximumRows: Int64 = 50_000

    let database: HadirDatabase
    let checkpointing: JournalCheckpointing

    enum Failure: Error, Equatable {
        case badRange(String)
        case empty
    }

    func proof(from: Int64?, to: Int64?) throws -> JournalProof {
        let first = from ?? 1
        guard first >= 1 else { throw Failure.badRange("from must be a seq of 1 or more") }
        guard let tip = try database.lastPunch()?.seq else { throw Failure.empty }
        let last = min(to ?? tip, tip)
        guard last >= first else { throw Failure.badRange("to (\(last)) is before from (\(first)); the journal ends at seq \(tip)") }
        var signed = try database.checkpoint(atOrAfter: last)
        if signed == nil { signed = try database.checkpointTip(checkpointing) }
        let end = signed?.seq ?? last
        guard end - first < Self.maximumRows else {
            throw Failure.badRange("at most \(Self.maximumRows) rows per proof; ask for a shorter range (from \(first), to \(last))")
        }
        let punches = try database.punches(afterSeq: first - 1, limit: Int(end - first + 1))
        return JournalProof(
            deviceSerial: checkpointing.deviceSerial, publicKey: checkpointing.signingKey.publicKey.pem, from: first, to: end,
            rows: punches.map(JournalProof.Row.init),
            checkpoints: try database.checkpoints(fromSeq: first, toSeq: end).map(JournalProof.Checkpoint.init))
    }
}
