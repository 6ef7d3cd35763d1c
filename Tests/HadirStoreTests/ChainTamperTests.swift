import Foundation
import HadirCore
import Testing

@testable import HadirStore

/// Someone with shell access drops the triggers and edits the file: the chain still tells.
@Suite("Chain tampering")
struct ChainTamperTests {
    private func tamperedJournal(_ sql: String, batchSize: Int = 3) throws -> ChainVerification {
        try withDatabase { database, path in
            for index in 0..<10 { try database.append(draft(pin: "\(1000 + index % 3)", offset: Int64(index))) }
            try executeRaw(path, "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; " + sql)
            return try database.verifyChain(batchSize: batchSize)
        }
    }

    @Test func editedTimeIsReportedAtItsSeq() throws {
        let result = try tamperedJournal("UPDATE journal SET utc_ms = utc_ms - 3600000 WHERE seq = 6")
        #expect(result == .broken(seq: 6, reason: .contentHashMismatch))
    }

    @Test func editedEmployeeIsReportedAtItsSeq() throws {
        let result = try tamperedJournal("UPDATE journal SET pin = '1002' WHERE seq = 1")
        #expect(result == .broken(seq: 1, reason: .contentHashMismatch))
    }

    @Test func replacedHashIsReportedAtItsSeq() throws {
        let result = try tamperedJournal("UPDATE journal SET hash = randomblob(32) WHERE seq = 4")
        #expect(result == .broken(seq: 4, reason: .contentHashMismatch))
    }

    @Test func rehashedRowIsCaughtByTheNextLink() throws {
        // A forger who recomputes seq 4's hash cannot fix seq 5's prev_hash without redoing the
        // rest: simulated here by changing seq 5's prev_hash alone.
        let result = try tamperedJournal("UPDATE journal SET prev_hash = randomblob(32) WHERE seq = 5")
        #expect(result == .broken(seq: 5, reason: .previousHashMismatch))
    }

    @Test func deletedRowIsReportedAsAGap() throws {
        let result = try tamperedJournal("DELETE FROM journal WHERE seq = 5")
        #expect(result == .broken(seq: 6, reason: .sequenceGap(expected: 5)))
    }

    @Test func deletedLastRowsLeaveAnIntactButShorterChain() throws {
        // Truncation is invisible to the chain alone; the uplink's acked cursor and signed heads catch it.
        let result = try tamperedJournal("DELETE FROM journal WHERE seq > 8")
        #expect(result == .intact(count: 8))
    }

    @Test func undecodableValueIsReportedAtItsSeq() throws {
        let result = try tamperedJournal("UPDATE journal SET verify = 99 WHERE seq = 7", batchSize: 4)
        #expect(result == .broken(seq: 7, reason: .contentHashMismatch))
    }

    @Test func readingAnUndecodableRowIsATypedError() throws {
        try withDatabase { database, path in
            try database.append(draft())
            try executeRaw(
                path, "DROP TRIGGER journal_no_update; UPDATE journal SET clock_quality = 'maybe' WHERE seq = 1")
            let error = storeError { _ = try database.punch(seq: 1) }
            guard case .invalidRow(let table, let key, let reason)? = error else {
                Issue.record("expected invalidRow, got \(String(describing: error))")
                return
            }
            #expect(table == "journal")
            #expect(key == "seq 1")
            #expect(reason.contains("maybe"))
        }
    }
}
