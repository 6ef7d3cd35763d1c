/// Checks a journal against its hash chain and its signed checkpoints, one punch at a time, in
/// seq order, so a journal of years is checked in flat memory.
///
/// The chain finds a row edited, deleted, inserted or moved without its hashes being recomputed,
/// at its exact seq. The checkpoints find the rest: a forger who recomputed every hash after the
/// change cannot re-sign the checkpoints after it, so the first checkpoint that no longer matches
/// bounds the change to the rows after the last one that still does.
public struct JournalAudit: Sendable {
    private let checkpoints: [Int64: JournalCheckpoint]
    private let publicKey: JournalPublicKey?
    private var previous: Punch?
    private var lastMatchingCheckpoint: Int64?
    private var checked = 0
    private var verifiedCheckpoints = 0
    private var firstBreak: JournalBreak?

    /// - Parameters:
    ///   - checkpoints: Every checkpoint of the journal (any order).
    ///   - publicKey: The device's public key; nil checks the checkpoints' hashes but not their
    ///     signatures, and the report says so.
    ///   - previous: The punch before the first one to be checked, when checking from the middle.
    public init(checkpoints: [JournalCheckpoint], publicKey: JournalPublicKey?, after previous: Punch? = nil) {
        self.checkpoints = Dictionary(checkpoints.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
        self.publicKey = publicKey
        self.previous = previous
    }

    /// True once a break was found: later punches are not looked at.
    public var isBroken: Bool { firstBreak != nil }

    /// Checks the next punch; returns the first break (again on later calls once found).
    @discardableResult
    public mutating func check(_ punch: Punch) -> JournalBreak? {
        if let firstBreak { return firstBreak }
        if case .broken(let seq, let reason) = PunchChain.verify(CollectionOfOne(punch), after: previous) {
            firstBreak = JournalBreak(firstBadSeq: seq, reason: .chain(reason))
            return firstBreak
        }
        previous = punch
        checked += 1
        if let checkpoint = checkpoints[punch.seq] {
            if let problem = problem(with: checkpoint, at: punch) {
                firstBreak = problem
                return problem
            }
            verifiedCheckpoints += 1
            lastMatchingCheckpoint = punch.seq
        }
        return nil
    }

    /// Reports a punch that cannot even be read as the break at its seq (no valid punch could
    /// have produced its hash), unless an earlier problem (a gap before it) comes first.
    public mutating func unreadable(seq: Int64) -> JournalBreak {
        if let firstBreak { return firstBreak }
        let expected = (previous?.seq ?? 0) + 1
        let reason: JournalBreak.Reason = seq == expected ? .chain(.contentHashMismatch) : .chain(.sequenceGap(expected: expected))
        let found = JournalBreak(firstBadSeq: seq, reason: reason)
        firstBreak = found
        return found
    }

    /// The verdict once every punch was passed to ``check(_:)``.
    public func finish() -> JournalAuditReport {
        var broken = firstBreak
        let lastSeq = previous?.seq ?? 0
        if broken == nil, let beyond = checkpoints.keys.filter({ $0 > lastSeq }).min() {
            // The journal ends before a seq the kiosk signed: rows were cut off the end.
            broken = JournalBreak(firstBadSeq: lastSeq + 1, reason: .truncated(checkpointSeq: beyond))
        }
        return JournalAuditReport(
            punches: checked, lastSeq: lastSeq, checkpoints: verifiedCheckpoints, signaturesChecked: publicKey != nil,
            lastCheckpointSeq: lastMatchingCheckpoint, firstBreak: broken)
    }

    private func problem(with checkpoint: JournalCheckpoint, at punch: Punch) -> JournalBreak? {
        if let publicKey, !publicKey.isValidSignature(of: checkpoint) {
            return JournalBreak(firstBadSeq: checkpoint.seq, reason: .badSignature(checkpointSeq: checkpoint.seq))
        }
        if checkpoint.chainHash != punch.hash || checkpoint.deviceSerial != punch.draft.deviceSerial {
            let since = lastMatchingCheckpoint ?? 0
            return JournalBreak(
                firstBadSeq: since + 1, reason: .rewritten(checkpointSeq: checkpoint.seq, lastMatchingCheckpointSeq: lastMatchingCheckpoint)
            )
        }
        return nil
    }
}

/// Where and why a journal check failed.
public struct JournalBreak: Hashable, Sendable, CustomStringConvertible {
    /// The first seq that can no longer be trusted.
    public var firstBadSeq: Int64
    public var reason: Reason

    public init(firstBadSeq: Int64, reason: Reason) {
        self.firstBadSeq = firstBadSeq
        self.reason = reason
    }

    public enum Reason: Hashable, Sendable {
        /// A link of the hash chain is wrong at `firstBadSeq`.
        case chain(ChainBreak)
        /// The chain is whole, but the punch at `checkpointSeq` is not the one the kiosk signed:
        /// the journal was rewritten after the last checkpoint that still matches.
        case rewritten(checkpointSeq: Int64, lastMatchingCheckpointSeq: Int64?)
        /// A checkpoint's signature is not the device key's: forged, or the key was replaced.
        case badSignature(checkpointSeq: Int64)
        /// The journal ends before the seq of a checkpoint: its last rows were deleted.
        case truncated(checkpointSeq: Int64)
    }

    public var description: String {
        switch reason {
        case .chain(let chainBreak): "\(chainBreak)"
        case .rewritten(let checkpointSeq, let lastMatching):
            "the punch at seq \(checkpointSeq) is not the one the kiosk signed; the journal was rewritten after "
                + (lastMatching.map { "the checkpoint at seq \($0)" } ?? "its start") + " and its hashes recomputed"
        case .badSignature(let checkpointSeq): "the checkpoint at seq \(checkpointSeq) is not signed by this device's key"
        case .truncated(let checkpointSeq):
            "the journal ends before seq \(checkpointSeq), which the kiosk signed: rows were removed from its end"
        }
    }
}

/// The result of a full journal check.
public struct JournalAuditReport: Hashable, Sendable {
    public var punches: Int
    public var lastSeq: Int64
    /// Checkpoints whose hash (and signature, if checked) matched.
    public var checkpoints: Int
    public var signaturesChecked: Bool
    public var lastCheckpointSeq: Int64?
    public var firstBreak: JournalBreak?

    public init(
        punches: Int, lastSeq: Int64, checkpoints: Int, signaturesChecked: Bool, lastCheckpointSeq: Int64?, firstBreak: JournalBreak?
    ) {
        self.punches = punches
        self.lastSeq = lastSeq
        self.checkpoints = checkpoints
        self.signaturesChecked = signaturesChecked
        self.lastCheckpointSeq = lastCheckpointSeq
        self.firstBreak = firstBreak
    }

    public var isIntact: Bool { firstBreak == nil }
    /// Punches after the last checkpoint: chained, but not yet signed.
    public var unsignedPunches: Int64 { lastSeq - (lastCheckpointSeq ?? 0) }
}
