import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// Someone with the file and a copy of our code rewrites the journal and recomputes every hash:
/// the chain is whole again, but the signed checkpoints are not theirs to redo.
@Suite("Checkpoint tampering")
struct CheckpointTamperTests {
    private let key = JournalSigningKey()
    private var checkpointing: JournalCheckpointing { JournalCheckpointing(signingKey: key, deviceSerial: "HDR0001", every: 5) }

    /// Appends `count` punches with a checkpoint every 5, tampers, and audits with the device key.
    private func audit(punches count: Int = 17, tamper: (String) throws -> Void) throws -> JournalAuditReport {
        try withDatabase { database, path in
            for index in 0..<count {
                try database.append(draft(pin: "\(1000 + index % 3)", offset: Int64(index)), checkpointing: checkpointing)
            }
            try tamper(path)
            return try database.auditJournal(publicKey: key.publicKey, batchSize: 4)
        }
    }

    @Test func honestJournalIsIntactWithItsCheckpointsCounted() throws {
        let report = try audit { _ in }
        #expect(report.isIntact)
        #expect(report.punches == 17)
        #expect(report.checkpoints == 3)
        #expect(report.lastCheckpointSeq == 15)
        #expect(report.unsignedPunches == 2)
        #expect(report.signaturesChecked)
    }

    @Test func editedAndRehashedRowIsBoundedByTheCheckpoints() throws {
        let report = try audit { path in
            try forge(path) { punches in
                punches[6].draft.pin = try pin("1002")  // seq 7
            }
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 6, reason: .rewritten(checkpointSeq: 10, lastMatchingCheckpointSeq: 5)))
    }

    @Test func deletedAndRenumberedRowIsBoundedByTheCheckpoints() throws {
        let report = try audit { path in try forge(path) { punches in punches.remove(at: 6) } }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 6, reason: .rewritten(checkpointSeq: 10, lastMatchingCheckpointSeq: 5)))
    }

    @Test func reorderedAndRehashedRowsAreBoundedByTheCheckpoints() throws {
        let report = try audit { path in try forge(path) { punches in punches.swapAt(2, 3) } }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 1, reason: .rewritten(checkpointSeq: 5, lastMatchingCheckpointSeq: nil)))
    }

    @Test func insertedAndRehashedRowIsBoundedByTheCheckpoints() throws {
        let report = try audit { path in
            try forge(path) { punches in
                var extra = punches[11]
                extra.draft.pin = try pin("1001")
                punches.insert(extra, at: 12)  // a new seq 13
            }
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 11, reason: .rewritten(checkpointSeq: 15, lastMatchingCheckpointSeq: 10)))
    }

    @Test func editedRowWithoutRehashIsReportedAtItsSeq() throws {
        let report = try audit { path in
            try executeRaw(path, Self.dropTriggers + "UPDATE journal SET utc_ms = utc_ms - 60000 WHERE seq = 8")
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 8, reason: .chain(.contentHashMismatch)))
    }

    @Test func deletedRowWithoutRehashIsReportedAtTheGap() throws {
        let report = try audit { path in try executeRaw(path, Self.dropTriggers + "DELETE FROM journal WHERE seq = 8") }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 9, reason: .chain(.sequenceGap(expected: 8))))
    }

    @Test func reorderedRowsWithoutRehashAreReportedAtTheFirstMovedSeq() throws {
        let report = try audit { path in
            try executeRaw(
                path,
                Self.dropTriggers
                    + "UPDATE journal SET seq = 1000 WHERE seq = 3; UPDATE journal SET seq = 3 WHERE seq = 4; UPDATE journal SET seq = 4 WHERE seq = 1000"
            )
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 3, reason: .chain(.previousHashMismatch)))
    }

    @Test func insertedRowWithoutRehashIsReportedAtItsSeq() throws {
        let report = try audit { path in
            try executeRaw(
                path,
                Self.dropTriggers + """
                    UPDATE journal SET seq = seq + 100 WHERE seq > 12; UPDATE journal SET seq = seq - 99 WHERE seq > 100;
                    INSERT INTO journal SELECT 13, device_serial, '1001', utc_ms + 1000, zone_offset_s, monotonic_ns, boot_id,
                      clock_quality, verify, state, classification, corrects_seq, hash, hash FROM journal WHERE seq = 12;
                    """)
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 13, reason: .chain(.contentHashMismatch)))
    }

    @Test func removedLastRowsAreCaughtByALaterCheckpoint() throws {
        let report = try audit { path in try executeRaw(path, Self.dropTriggers + "DELETE FROM journal WHERE seq > 12") }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 13, reason: .truncated(checkpointSeq: 15)))
    }

    @Test func checkpointSignedByAnotherKeyIsReported() throws {
        let report = try audit { path in
            let forged = JournalSigningKey().checkpoint(
                deviceSerial: "HDR0001", seq: 10, chainHash: try chainHash(path, seq: 10), atMilliseconds: 0)
            try executeRaw(
                path,
                "DROP TRIGGER journal_checkpoint_no_update; UPDATE journal_checkpoints SET signature = x'\(forged.signature.map { String(format: "%02x", $0) }.joined())' WHERE seq = 10"
            )
        }
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 10, reason: .badSignature(checkpointSeq: 10)))
    }

    @Test func withoutTheKeyARewriteIsStillFoundByTheCheckpointHashes() throws {
        try withDatabase { database, path in
            for index in 0..<12 { try database.append(draft(offset: Int64(index)), checkpointing: checkpointing) }
            try forge(path) { punches in punches[7].draft.verify = .password }
            let report = try database.auditJournal(publicKey: nil)
            #expect(!report.signaturesChecked)
            #expect(report.firstBreak == JournalBreak(firstBadSeq: 6, reason: .rewritten(checkpointSeq: 10, lastMatchingCheckpointSeq: 5)))
        }
    }

    @Test func checkpointTipSignsTheLastPunchOnce() throws {
        try withDatabase { database, _ in
            #expect(try database.checkpointTip(checkpointing) == nil)
            for index in 0..<7 { try database.append(draft(offset: Int64(index)), checkpointing: checkpointing) }
            let first = try database.checkpointTip(checkpointing)
            let again = try database.checkpointTip(checkpointing)
            #expect(first?.seq == 7)
            #expect(again == first)
            let seqs = try database.checkpoints().map(\.seq)
            #expect(seqs == [5, 7])
            // The next interval counts from the tip's checkpoint.
            for index in 7..<12 { try database.append(draft(offset: Int64(index)), checkpointing: checkpointing) }
            let later = try database.checkpoints().map(\.seq)
            #expect(later == [5, 7, 12])
        }
    }

    @Test func checkpointsCannotBeEditedOrDeletedThroughTheStore() throws {
        try withDatabase { database, path in
            for index in 0..<5 { try database.append(draft(offset: Int64(index)), checkpointing: checkpointing) }
            #expect(throws: (any Error).self) { try executeRaw(path, "DELETE FROM journal_checkpoints") }
            #expect(throws: (any Error).self) { try executeRaw(path, "UPDATE journal_checkpoints SET signed_ms = 0") }
            #expect(throws: (any Error).self) {
                try executeRaw(path, "INSERT INTO journal_checkpoints VALUES (3, 'HDR0001', randomblob(32), randomblob(64), 0)")
            }
        }
    }

    static let dropTriggers = "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; DROP TRIGGER journal_append_in_order; "

    /// The forger's tool: reads every punch, changes them, reseals the whole chain and writes it back.
    private func forge(_ path: String, _ change: (inout [Punch]) throws -> Void) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        var punches = try queue.read { db in try JournalRow.order(JournalRow.Columns.seq).fetchAll(db).map { try $0.punch() } }
        try change(&punches)
        var previous = PunchChain.genesis
        let resealed = punches.enumerated().map { index, punch in
            let sealed = PunchChain.seal(punch.draft, seq: Int64(index + 1), previousHash: previous)
            previous = sealed.hash
            return sealed
        }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: Self.dropTriggers + "DELETE FROM journal;")
            for punch in resealed { try JournalRow(punch).insert(db) }
        }
    }

    private func chainHash(_ path: String, seq: Int64) throws -> [UInt8] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            [UInt8](try Data.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [seq]) ?? Data())
        }
    }
}

/// The start-up check looks only at what follows the last checkpoint.
@Suite("Journal tail audit")
struct JournalTailAuditTests {
    private let key = JournalSigningKey()

    @Test func tailSinceTheLastCheckpointIsCheckedAndARewriteIsBounded() throws {
        try withDatabase { database, path in
            let checkpointing = JournalCheckpointing(signingKey: key, deviceSerial: "HDR0001", every: 4)
            #expect(try database.auditJournalTail(publicKey: key.publicKey) == nil)
            for index in 0..<14 { try database.append(draft(offset: Int64(index)), checkpointing: checkpointing) }
            let intact = try #require(try database.auditJournalTail(publicKey: key.publicKey))
            #expect(intact.isIntact)
            #expect(intact.lastCheckpointSeq == 12)
            #expect(intact.unsignedPunches == 2)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            // Row 10 rewritten and rows 10...14 resealed: checkpoint 12 no longer matches, 8 still does.
            var previous = try #require(try database.punch(seq: 9)).hash
            var resealed: [Punch] = []
            for var punch in try database.punches(afterSeq: 9, limit: 10) {
                if punch.seq == 10 { punch.draft.verify = .password }
                resealed.append(PunchChain.seal(punch.draft, seq: punch.seq, previousHash: previous))
                previous = resealed[resealed.count - 1].hash
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: CheckpointTamperTests.dropTriggers + "DELETE FROM journal WHERE seq >= 10")
                for punch in resealed { try JournalRow(punch).insert(db) }
            }
            try queue.close()
            let broken = try #require(try database.auditJournalTail(publicKey: key.publicKey))
            #expect(broken.firstBreak == JournalBreak(firstBadSeq: 9, reason: .rewritten(checkpointSeq: 12, lastMatchingCheckpointSeq: 8)))
        }
    }
}
