/// Counts refusals (200 without `OK`) of the single record at the head of the queue and says when to
/// set it aside, so one record the server will never take cannot block every punch behind it.
struct UplinkQuarantine: Hashable, Sendable {
    /// What to do with the refused record.
    enum Verdict: Hashable, Sendable {
        /// Try it again after the backoff; `tries` refusals so far.
        case retry(tries: Int)
        /// Set it aside after `tries` refusals.
        case quarantine(tries: Int)
    }

    let threshold: Int
    /// The record being counted and its refusals so far.
    private(set) var seq: Int64?
    private(set) var tries = 0

    /// Quarantines after `threshold` refusals (at least one).
    init(threshold: Int) {
        self.threshold = max(1, threshold)
    }

    /// One more refusal of `seq` sent alone. A different seq starts a fresh count.
    mutating func refused(seq: Int64) -> Verdict {
        if self.seq != seq {
            self.seq = seq
            tries = 0
        }
        tries += 1
        guard tries >= threshold else { return .retry(tries: tries) }
        let verdict = Verdict.quarantine(tries: tries)
        reset()
        return verdict
    }

    /// The cursor moved: whatever was being counted is no longer at the head.
    mutating func reset() {
        seq = nil
        tries = 0
    }
}
