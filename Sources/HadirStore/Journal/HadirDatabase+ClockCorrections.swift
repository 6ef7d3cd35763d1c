import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// Counts the unsynced punches no correction supersedes, split by whether they belong to boot
    /// `bootID`. One pass over the journal: called at start and when sync arrives, not per punch.
    public func uncorrectedUnsyncedCounts(bootID: String) throws(StoreError) -> UnsyncedPunchCounts {
        try reading { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT coalesce(sum(j.boot_id = ?), 0), coalesce(sum(j.boot_id != ?), 0) FROM journal AS j
                    WHERE \(Self.uncorrectedUnsynced)
                    """,
                arguments: [bootID, bootID])
            return UnsyncedPunchCounts(thisBoot: row?[0] ?? 0, otherBoots: row?[1] ?? 0)
        }
    }

    /// The unsynced punches of boot `bootID` that no correction supersedes, in seq order.
    public func uncorrectedUnsyncedPunches(bootID: String) throws(StoreError) -> [Punch] {
        let rows = try reading { db in
            try JournalRow.fetchAll(
                db, sql: "SELECT * FROM journal AS j WHERE j.boot_id = ? AND \(Self.uncorrectedUnsynced) ORDER BY j.seq",
                arguments: [bootID])
        }
        return try Self.punches(rows)
    }

    /// Unsynced, uncorrected punches with seq above `afterSeq` (of any boot), in seq order: the
    /// clock poll's cheap look at what was recorded since its last look.
    public func uncorrectedUnsyncedPunches(afterSeq: Int64) throws(StoreError) -> [Punch] {
        let rows = try reading { db in
            try JournalRow.fetchAll(
                db, sql: "SELECT * FROM journal AS j WHERE j.seq > ? AND \(Self.uncorrectedUnsynced) ORDER BY j.seq",
                arguments: [afterSeq])
        }
        return try Self.punches(rows)
    }

    /// How many correction rows the journal holds.
    public func correctionCount() throws(StoreError) -> Int {
        try reading { db in try JournalRow.filter(JournalRow.Columns.correctsSeq != nil).fetchCount(db) }
    }

    /// Appends clock corrections (from ``HadirCore/ClockCorrection``) in one transaction, with one
    /// audit line, and returns the rows appended.
    ///
    /// Idempotent: a draft whose original already has a correction is skipped, inside the same
    /// transaction, so a retry after a crash or a second sync never corrects a punch twice. Every
    /// other draft must correct an earlier `unsynced` original row of the same PIN and boot,
    /// or nothing is appended (``StoreError/conflict(_:)``).
    @discardableResult
    public func appendClockCorrections(_ drafts: [PunchDraft], detail: String, actor: String) throws(StoreError) -> [Punch] {
        guard !drafts.isEmpty else { return [] }
        let now = clock()
        return try writing { db in
            var sealed: [Punch] = []
            var tip = try ChainTip.fetch(db)
            for draft in drafts {
                guard let target = draft.correctsSeq else {
                    throw StoreError.conflict("a clock correction must name the punch it corrects")
                }
                guard try !Self.hasCorrection(db, seq: target) else { continue }
                try Self.checkCorrectable(db, draft, target: target)
                let seq = (tip?.seq ?? 0) + 1
                let punch = PunchChain.seal(draft, seq: seq, previousHash: tip.map { [UInt8]($0.hash) } ?? PunchChain.genesis)
                try JournalRow(punch).insert(db)
                tip = ChainTip(seq: punch.seq, hash: Data(punch.hash))
                sealed.append(punch)
            }
            if !sealed.isEmpty {
                let seqs = sealed.compactMap(\.draft.correctsSeq).map(String.init).joined(separator: ",")
                try AuditRow.record(
                    db, at: now, action: .clockCorrection, pin: nil, slot: nil,
                    detail: "\(sealed.count) punch(es) re-timed (seq \(seqs)): \(detail)", actor: actor)
            }
            return sealed
        }
    }

    /// SQL condition on `journal AS j`: an original unsynced row no later row corrects.
    static let uncorrectedUnsynced = """
        j.clock_quality = 'unsynced' AND j.corrects_seq IS NULL
        AND NOT EXISTS (SELECT 1 FROM journal AS c WHERE c.corrects_seq = j.seq)
        """

    private static func hasCorrection(_ db: Database, seq: Int64) throws -> Bool {
        try JournalRow.filter(JournalRow.Columns.correctsSeq == seq).fetchCount(db) > 0
    }

    private static func checkCorrectable(_ db: Database, _ draft: PunchDraft, target: Int64) throws {
        guard let original = try JournalRow.fetchOne(db, key: target) else {
            throw StoreError.conflict("clock correction for seq \(target): no such punch")
        }
        let problem: String? =
            if original.clockQuality != ClockQuality.unsynced.rawValue || original.correctsSeq != nil {
                "seq \(target) is not an original unsynced punch"
            } else if original.pin != draft.pin.rawValue || original.bootID != draft.clock.bootID {
                "the correction's PIN or boot differs from seq \(target)'s"
            } else if draft.clock.quality != .corrected {
                "a clock correction must have quality corrected"
            } else {
                nil
            }
        if let problem { throw StoreError.conflict("clock correction for seq \(target): \(problem)") }
    }
}

extension AuditAction {
    /// Clock corrections were appended after sync arrived; the detail names the originals and the source.
    public static let clockCorrection = AuditAction(rawValue: "clock-correction")
}
