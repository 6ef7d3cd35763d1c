/// Re-derives the instants of punches taken while the clock was unsynced, as new journal rows.
///
/// corrected instant = true time at the sync reference − monotonic time elapsed since the punch.
/// Only the monotonic clock of the punch's own boot can do that: punches of an earlier boot stay
/// `unsynced` and are reported as uncorrectable. The original row is never touched; the
/// correction copies it (PIN, verify, state, classification, monotonic time, boot) and changes
/// only the instant, the quality (`corrected`) and `correctsSeq`.
public enum ClockCorrection {
    /// The correction row for `original`, or nil when it is not an uncorrected `unsynced` punch of
    /// the reference's boot.
    public static func draft(correcting original: Punch, against reference: SyncReference) -> PunchDraft? {
        let clock = original.draft.clock
        guard clock.quality == .unsynced, original.draft.correctsSeq == nil,
            let instant = reference.trueInstant(monotonicNanoseconds: clock.monotonicNanoseconds, bootID: clock.bootID)
        else { return nil }
        var draft = original.draft
        draft.clock.utcMilliseconds = instant
        draft.clock.quality = .corrected
        draft.correctsSeq = original.seq
        return draft
    }

    /// Sorts unsynced punches into corrections (in seq order) and the seqs of those from other boots.
    public static func plan<S: Sequence<Punch>>(_ punches: S, against reference: SyncReference) -> ClockCorrectionPlan {
        var plan = ClockCorrectionPlan(corrections: [], otherBootSeqs: [])
        for punch in punches.sorted(by: { $0.seq < $1.seq }) where punch.draft.clock.quality == .unsynced && punch.draft.correctsSeq == nil
        {
            if let draft = draft(correcting: punch, against: reference) {
                plan.corrections.append(draft)
            } else {
                plan.otherBootSeqs.append(punch.seq)
            }
        }
        return plan
    }
}

/// What a sync arrival does to the unsynced punches on record.
public struct ClockCorrectionPlan: Hashable, Sendable {
    /// Correction rows to append, one per correctable punch, in the originals' seq order.
    public var corrections: [PunchDraft]
    /// Unsynced punches of earlier boots: their monotonic time cannot be related to the reference.
    public var otherBootSeqs: [Int64]

    public init(corrections: [PunchDraft], otherBootSeqs: [Int64]) {
        self.corrections = corrections
        self.otherBootSeqs = otherBootSeqs
    }
}
