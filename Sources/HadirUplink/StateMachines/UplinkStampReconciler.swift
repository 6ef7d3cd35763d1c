/// Reads the handshake's `ATTLOGStamp` against the acked cursor (reference §1.1).
///
/// The kiosk's outbox is the truth; the stamp can only make it send MORE: replay what is retained
/// (`0`, or `None` on a legacy server) or rewind to a seq we issued that is below the cursor (the
/// server lost data). Anything else is informational, including numbers at or above the cursor.
enum UplinkStampReconciler {
    /// Where the cursor should go.
    enum Decision: Hashable, Sendable {
        /// Leave the cursor alone.
        case keep
        /// Move the cursor back to this seq; everything after it is sent again.
        case rewind(to: Int64)
    }

    /// The decision for `stamp`, given the cursor and the oldest seq still in the journal.
    static func decide(stamp: ADMSStamp, ackedSeq: Int64, retainedFromSeq: Int64, legacyStamps: Bool) -> Decision {
        // Records below `retainedFromSeq` are pruned; we cannot resend them, so never aim below.
        let floor = max(0, retainedFromSeq - 1)
        let target: Int64
        switch stamp {
        case .number(0):
            target = floor
        case .none where legacyStamps:
            target = floor
        case .number(let n) where n > 0 && n < ackedSeq:
            // We only ever send journal seqs as stamps, so a positive number below the cursor is one of ours.
            target = max(n, floor)
        default:
            return .keep
        }
        return target < ackedSeq ? .rewind(to: target) : .keep
    }
}
