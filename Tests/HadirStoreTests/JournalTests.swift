import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

@Suite("Journal")
struct JournalTests {
    @Test func seqStartsAtOneAndGrowsWithoutGapsAcrossReopen() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            var database = try HadirDatabase.open(path: path)
            var seqs = try (0..<3).map { try database.append(draft(offset: Int64($0))).seq }
            try database.close()

            database = try HadirDatabase.open(path: path)
            defer { try? database.close() }
            seqs += try (3..<6).map { try database.append(draft(offset: Int64($0))).seq }
            #expect(seqs == [1, 2, 3, 4, 5, 6])
            #expect(try database.punches(afterSeq: 0, limit: 100).map(\.seq) == [1, 2, 3, 4, 5, 6])
            #expect(try database.punchCount() == 6)
        }
    }

    @Test func punchesAreChainedFromTheGenesisHash() throws {
        try withDatabase { database, _ in
            let first = try database.append(draft())
            let second = try database.append(draft(offset: 1))
            #expect(first.previousHash == PunchChain.genesis)
            #expect(second.previousHash == first.hash)
            #expect(first == PunchChain.seal(first.draft, seq: 1, previousHash: PunchChain.genesis))
        }
    }

    @Test func storedPunchReadsBackExactlyAsAppended() throws {
        try withDatabase { database, _ in
            try database.append(draft())
            var unusual = try draft(pin: "A7", offset: 5, correctsSeq: 1, quality: .corrected)
            unusual.clock.monotonicNanoseconds = UInt64.max - 7  // beyond Int64: stored by bit pattern
            unusual.zoneOffsetSeconds = -12_600
            unusual.verify = .card
            unusual.state = .overtimeOut
            unusual.classification = .earlyLeave
            let appended = try database.append(unusual)
            #expect(try database.punch(seq: 2) == appended)
            #expect(try database.lastPunch() == appended)
            #expect(try database.punch(seq: 3) == nil)
        }
    }

    @Test func chainOfAppendedPunchesVerifiesAcrossBatches() throws {
        try withDatabase { database, _ in
            #expect(try database.verifyChain() == .intact(count: 0))
            for index in 0..<23 { try database.append(draft(pin: "\(100 + index % 4)", offset: Int64(index))) }
            #expect(try database.verifyChain(batchSize: 7) == .intact(count: 23))
            #expect(try database.verifyChain(batchSize: 1) == .intact(count: 23))
            #expect(try database.verifyChain() == .intact(count: 23))
        }
    }

    @Test func journalRefusesUpdateDeleteReplaceAndOutOfOrderInserts() throws {
        try withDatabase { database, path in
            let first = try database.append(draft())
            try database.append(draft(offset: 1))

            for sql in [
                "UPDATE journal SET utc_ms = utc_ms + 1 WHERE seq = 1",
                "DELETE FROM journal WHERE seq = 2",
                "DELETE FROM journal",
                "INSERT OR REPLACE INTO journal SELECT * FROM journal WHERE seq = 1",
                // A gap (seq 5 after 2), and a well-placed seq that does not link to the last hash.
                "INSERT INTO journal SELECT 5, device_serial, pin, utc_ms, zone_offset_s, monotonic_ns, boot_id, clock_quality, verify, state, classification, corrects_seq, hash, hash FROM journal WHERE seq = 2",
                "INSERT INTO journal SELECT 3, device_serial, pin, utc_ms, zone_offset_s, monotonic_ns, boot_id, clock_quality, verify, state, classification, corrects_seq, prev_hash, hash FROM journal WHERE seq = 2",
            ] {
                do {
                    try executeRaw(path, sql)
                    Issue.record("SQLite accepted: \(sql)")
                } catch let error as DatabaseError {
                    #expect(error.message?.contains("append-only") == true, "\(sql): \(error)")
                }
            }
            #expect(try database.punchCount() == 2)
            #expect(try database.punch(seq: 1) == first)
            #expect(try database.verifyChain() == .intact(count: 2))
        }
    }

    @Test func correctionMustReferToAnEarlierPunch() throws {
        try withDatabase { database, _ in
            #expect(
                storeError { try database.append(draft(correctsSeq: 1)) } == .invalidCorrection(correctsSeq: 1, seq: 1))
            try database.append(draft())
            #expect(
                storeError { try database.append(draft(correctsSeq: 2)) } == .invalidCorrection(correctsSeq: 2, seq: 2))
            #expect(try database.append(draft(correctsSeq: 1)).draft.correctsSeq == 1)
            #expect(try database.punchCount() == 2)
        }
    }

    @Test func punchesFilterByEmployeeAndTimeInSeqOrder() throws {
        try withDatabase { database, _ in
            try database.append(draft(pin: "1001", offset: 0))  // seq 1
            try database.append(draft(pin: "1002", offset: 10))  // seq 2
            try database.append(draft(pin: "1001", offset: 20))  // seq 3
            try database.append(draft(pin: "1001", offset: 5))  // seq 4: the clock jumped back
            let employee = try pin("1001")

            #expect(try database.punches(pin: employee).map(\.seq) == [1, 3, 4])
            #expect(try database.punches(pin: employee, fromUTC: testNow + 5000).map(\.seq) == [3, 4])
            #expect(try database.punches(fromUTC: testNow + 5000, toUTC: testNow + 20000).map(\.seq) == [2, 4])
            #expect(try database.punches(limit: 2).map(\.seq) == [1, 2])
            #expect(try database.punches(afterSeq: 2, limit: 1).map(\.seq) == [3])
            #expect(try database.punches(pin: try pin("9999")).isEmpty)
        }
    }

    @Test func lastPunchOfEmployeeIsLatestInTimeAndIgnoresSupersededRows() throws {
        try withDatabase { database, _ in
            try database.append(draft(pin: "1001", offset: -3600, quality: .unsynced))  // seq 1, wrong clock
            try database.append(draft(pin: "1002", offset: 10))  // seq 2
            try database.append(draft(pin: "1001", offset: 60))  // seq 3
            // seq 4 corrects seq 1 to its true instant, which is after seq 3's.
            try database.append(draft(pin: "1001", offset: 100, correctsSeq: 1, quality: .corrected))

            #expect(try database.lastPunch(pin: pin("1001"))?.seq == 4)
            #expect(try database.lastPunch(pin: pin("1002"))?.seq == 2)
            #expect(try database.lastPunch(pin: pin("3003")) == nil)

            let latest = try database.lastPunchesByPIN(sinceUTC: testNow - 7200_000)
            #expect(latest.mapValues(\.seq) == [try pin("1001"): 4, try pin("1002"): 2])
            // Seq 1 is superseded: a window that holds only it finds nothing for 1001.
            #expect(try database.lastPunchesByPIN(sinceUTC: testNow + 20_000).mapValues(\.seq) == [try pin("1001"): 4])
            #expect(try database.lastPunchesByPIN(sinceUTC: testNow + 1_000_000).isEmpty)
        }
    }

    @Test func appendsFiveThousandPunches() throws {
        try withDatabase { database, _ in
            for index in 0..<5000 {
                try database.append(draft(pin: "\(1000 + index % 300)", offset: Int64(index)))
            }
            #expect(try database.punchCount() == 5000)
            #expect(try database.lastPunch()?.seq == 5000)
            #expect(try database.verifyChain() == .intact(count: 5000))
        }
    }
}

@Suite("Journal batch append")
struct JournalBatchAppendTests {
    @Test func batchAppendContinuesTheChainInOneTransaction() throws {
        try withDatabase { database, _ in
            try database.append(draft(offset: 0))
            let sealed = try database.append(contentsOf: (1...50).map { try draft(offset: Int64($0)) })
            #expect(sealed.map(\.seq) == Array(2...51))
            #expect(try database.verifyChain() == .intact(count: 51))
        }
    }

    @Test func aBadDraftCommitsNothing() throws {
        try withDatabase { database, _ in
            let drafts = [try draft(offset: 1), try draft(offset: 2, correctsSeq: 99)]
            #expect(throws: StoreError.self) { try database.append(contentsOf: drafts) }
            #expect(try database.punchCount() == 0)
        }
    }
}
