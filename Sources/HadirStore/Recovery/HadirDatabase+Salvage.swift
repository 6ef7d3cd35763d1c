import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// Punches per transaction: a long recover never keeps the door's punches waiting for long.
    static let salvageBatch = 200

    /// Re-appends the readable punches of a quarantined database as new journal rows, and gives
    /// back employees and finger slots the journal does not know.
    ///
    /// Each salvaged punch keeps its recorded contents (serial, PIN, instants, boot, clock
    /// quality, verify, state, classification) and takes the next seq and chain link here; a
    /// `salvaged_punches` row in the same transaction names the source file, original seq and
    /// original hash. A punch already present — salvaged before (same original hash) or the same
    /// punch in the journal — is skipped, so running recover twice adds nothing. A correction
    /// points at the salvaged copy of the punch it corrected, or at nothing when that one was lost.
    /// A finger slot is given back only to an employee without one, on a slot nobody owns and that
    /// is not waiting to be deleted: the one-finger rule wins over salvage.
    ///
    /// - Parameters:
    ///   - sourceFile: The quarantined file's name, recorded with every salvaged punch.
    ///   - checkpointing: Signs checkpoints that fall due, as for any punch.
    public func salvage(
        _ contents: DamagedDatabaseContents, sourceFile: String, checkpointing: JournalCheckpointing?, actor: String
    ) throws(StoreError) -> SalvageReport {
        let now = clock()
        var report = SalvageReport(sourceFile: sourceFile)
        report.unreadable = contents.unreadablePunches
        report.unreadableRows = contents.unreadableRows
        report.problems = contents.problems
        var start = contents.punches.startIndex
        while start < contents.punches.endIndex {
            let batch = contents.punches[start..<min(start + Self.salvageBatch, contents.punches.endIndex)]
            let outcome = try writing { db in
                try Self.salvagePunches(batch, from: sourceFile, checkpointing: checkpointing, at: now, in: db)
            }
            report.salvaged += outcome.seqs.count
            report.duplicates += outcome.duplicates
            report.firstSeq = report.firstSeq ?? outcome.seqs.first
            report.lastSeq = outcome.seqs.last ?? report.lastSeq
            start = batch.endIndex
        }
        return try writing { db in
            try Self.salvageEnrollments(contents, from: sourceFile, at: now, actor: actor, into: &report, in: db)
            try AuditRow.record(
                db, at: now, action: .recover, pin: nil, slot: nil, detail: "\(sourceFile): \(report.summary)", actor: actor)
            if let incident = try MetaRow.fetchOne(db, key: QuarantineMeta.file),
                URL(fileURLWithPath: incident.value).lastPathComponent == sourceFile
            {
                try MetaRow(key: QuarantineMeta.recovered, value: report.summary).upsert(db)
            }
            return report
        }
    }

    /// The punches of one batch that the journal lacks, appended; and how many it already had.
    static func salvagePunches(
        _ punches: ArraySlice<Punch>, from source: String, checkpointing: JournalCheckpointing?, at now: Int64, in db: Database
    ) throws -> (seqs: [Int64], duplicates: Int) {
        var seqs: [Int64] = []
        var duplicates = 0
        for original in punches {
            if try isPresent(original, in: db) {
                duplicates += 1
                continue
            }
            var draft = original.draft
            draft.correctsSeq = try original.draft.correctsSeq.flatMap { correctedSeq in
                try Int64.fetchOne(
                    db, sql: "SELECT seq FROM salvaged_punches WHERE source_file = ? AND original_seq = ?",
                    arguments: [source, correctedSeq])
            }
            let tip = try ChainTip.fetch(db)
            let punch = PunchChain.seal(
                draft, seq: (tip?.seq ?? 0) + 1, previousHash: tip.map { [UInt8]($0.hash) } ?? PunchChain.genesis)
            try JournalRow(punch).insert(db)
            try checkpointIfDue(punch, checkpointing, at: now, in: db)
            try SalvagedPunchRow(
                seq: punch.seq, sourceFile: source, originalSeq: original.seq, originalHash: Data(original.hash),
                originalCorrectsSeq: original.draft.correctsSeq, salvagedMilliseconds: now
            ).insert(db)
            seqs.append(punch.seq)
        }
        return (seqs, duplicates)
    }

    /// Salvaged before (same original hash), or the very same punch already in the journal.
    static func isPresent(_ punch: Punch, in db: Database) throws -> Bool {
        let draft = punch.draft
        return try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM salvaged_punches WHERE original_hash = ?)
                    OR EXISTS (SELECT 1 FROM journal WHERE pin = ? AND utc_ms = ? AND device_serial = ? AND monotonic_ns = ?
                               AND boot_id = ? AND clock_quality = ? AND verify = ? AND state = ?)
                """,
            arguments: [
                Data(punch.hash), draft.pin.rawValue, draft.clock.utcMilliseconds, draft.deviceSerial,
                Int64(bitPattern: draft.clock.monotonicNanoseconds), draft.clock.bootID, draft.clock.quality.rawValue,
                Int64(draft.verify.rawValue), Int64(draft.state.rawValue),
            ]) ?? false
    }

    /// Employees the journal lacks, and finger slots for employees without one.
    static func salvageEnrollments(
        _ contents: DamagedDatabaseContents, from source: String, at now: Int64, actor: String, into report: inout SalvageReport,
        in db: Database
    ) throws {
        for employee in contents.users {
            guard try !UserRow.exists(db, key: employee.pin.rawValue) else { continue }
            let uid = try UserRow.lowestFreeUID(db)
            try UserRow(
                pin: employee.pin.rawValue, name: employee.name, createdMilliseconds: now, updatedMilliseconds: now, zkUID: uid
            ).insert(db)
            try AuditRow.record(
                db, at: now, action: .userAdd, pin: employee.pin, slot: nil,
                detail: "name \"\(employee.name)\", salvaged from \(source)", actor: actor)
            report.usersAdded += 1
        }
        for finger in contents.fingers {
            let current = try FingerSlotRow.filter(FingerSlotRow.Columns.pin == finger.pin.rawValue).fetchOne(db)
            if current?.slot == Int64(finger.slot) { continue }  // given back by an earlier recover
            let slotOwned = try FingerSlotRow.filter(FingerSlotRow.Columns.slot == Int64(finger.slot)).fetchCount(db) > 0
            let slotPending = try OrphanSlotRow.exists(db, key: Int64(finger.slot))
            guard current == nil, !slotOwned, !slotPending, try UserRow.exists(db, key: finger.pin.rawValue) else {
                report.fingersSkipped += 1
                continue
            }
            try FingerSlotRow(
                pin: finger.pin.rawValue, slot: Int64(finger.slot), template: finger.template.map { Data($0) }, enrolledMilliseconds: now
            ).insert(db)
            try AuditRow.record(
                db, at: now, action: .enroll, pin: finger.pin, slot: finger.slot, detail: "slot \(finger.slot), salvaged from \(source)",
                actor: actor)
            report.fingersAdded += 1
        }
    }
}
