import Foundation
import HadirCore
import Testing

@testable import HadirStore

/// Clock corrections in the journal: appended after their originals, which never change; one per
/// punch however often they are retried; the chain stays whole.
@Suite struct ClockCorrectionStoreTests {
    static let boot = "3f1c2a9e-0000-4000-8000-000000000001"
    /// The true time was an hour behind the board's clock at the punch with offset 0.
    let reference = SyncReference(
        trueUTCMilliseconds: testNow - 3_600_000, monotonicNanoseconds: 100_000_000_000_000, bootID: boot, origin: .file)

    func unsyncedOfAnotherBoot(_ offset: Int64) throws -> PunchDraft {
        var draft = try draft(pin: "1003", offset: offset, quality: .unsynced)
        draft.clock.bootID = "an-earlier-boot"
        return draft
    }

    /// seq 1 and 3 unsynced in this boot, 2 synced, 4 unsynced in an earlier boot.
    func appendMixedJournal(_ database: HadirDatabase) throws {
        try database.append(draft(pin: "1001", offset: -60, quality: .unsynced))
        try database.append(draft(pin: "1002", offset: -30))
        try database.append(draft(pin: "1002", offset: -10, quality: .unsynced))
        try database.append(unsyncedOfAnotherBoot(-5))
    }

    @Test func correctionsFollowTheOriginalsWhichStayByteForByte() throws {
        try withDatabase { database, _ in
            try appendMixedJournal(database)
            let before = try database.punches(afterSeq: 0, limit: 10)
            #expect(try database.uncorrectedUnsyncedCounts(bootID: Self.boot) == UnsyncedPunchCounts(thisBoot: 2, otherBoots: 1))

            let pending = try database.uncorrectedUnsyncedPunches(bootID: Self.boot)
            #expect(pending.map(\.seq) == [1, 3])
            let plan = ClockCorrection.plan(pending, against: reference)
            let appended = try database.appendClockCorrections(plan.corrections, detail: "sync from file", actor: "clock")

            #expect(appended.map(\.seq) == [5, 6])
            #expect(appended.map(\.draft.correctsSeq) == [1, 3])
            #expect(appended.map(\.utcMilliseconds) == [testNow - 3_660_000, testNow - 3_610_000])
            #expect(appended.allSatisfy { $0.draft.clock.quality == .corrected })
            #expect(try database.punches(afterSeq: 0, limit: 4) == before)
            #expect(try database.verifyChain() == .intact(count: 6))
            #expect(try database.correctionCount() == 2)
            #expect(try database.uncorrectedUnsyncedCounts(bootID: Self.boot) == UnsyncedPunchCounts(thisBoot: 0, otherBoots: 1))
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(audit.action == .clockCorrection)
            #expect(audit.detail == "2 punch(es) re-timed (seq 1,3): sync from file")
            // The superseded original no longer counts as the employee's latest punch.
            #expect(try database.lastPunch(pin: pin("1001"))?.seq == 5)
        }
    }

    @Test func retryingNeverCorrectsAPunchTwiceEvenAfterReopening() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            var database = try HadirDatabase.open(path: path, clock: { testNow })
            try appendMixedJournal(database)
            let plan = ClockCorrection.plan(try database.uncorrectedUnsyncedPunches(bootID: Self.boot), against: reference)
            try database.appendClockCorrections(plan.corrections, detail: "first", actor: "clock")
            #expect(try database.appendClockCorrections(plan.corrections, detail: "again", actor: "clock").isEmpty)
            try database.close()

            // A restart in the same boot finds nothing left to correct, and a stale plan changes nothing.
            database = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? database.close() }
            #expect(try database.uncorrectedUnsyncedPunches(bootID: Self.boot).isEmpty)
            #expect(try database.appendClockCorrections(plan.corrections, detail: "stale", actor: "clock").isEmpty)
            #expect(try database.punchCount() == 6)
            #expect(try database.auditLog().filter { $0.action == .clockCorrection }.count == 1)
        }
    }

    @Test func aBadCorrectionAppendsNothingAtAll() throws {
        try withDatabase { database, _ in
            try appendMixedJournal(database)
            let first = try #require(try database.punch(seq: 1))
            let good = try #require(ClockCorrection.draft(correcting: first, against: reference))
            var ofSynced = good
            ofSynced.correctsSeq = 2  // a synced punch needs no correction
            var otherPIN = good
            otherPIN.correctsSeq = 3  // seq 3 is 1002's
            var unlinked = good
            unlinked.correctsSeq = nil
            for bad in [ofSynced, otherPIN, unlinked] {
                let error = storeError { try database.appendClockCorrections([good, bad], detail: "", actor: "clock") }
                guard case .conflict = error else {
                    Issue.record("expected a conflict, got \(String(describing: error))")
                    continue
                }
            }
            #expect(try database.punchCount() == 4)
            #expect(try database.correctionCount() == 0)
        }
    }

    @Test func thePollSeesOnlyNewUncorrectedUnsyncedPunches() throws {
        try withDatabase { database, _ in
            try appendMixedJournal(database)
            #expect(try database.uncorrectedUnsyncedPunches(afterSeq: 0).map(\.seq) == [1, 3, 4])
            #expect(try database.uncorrectedUnsyncedPunches(afterSeq: 3).map(\.seq) == [4])
            let plan = ClockCorrection.plan(try database.uncorrectedUnsyncedPunches(bootID: Self.boot), against: reference)
            try database.appendClockCorrections(plan.corrections, detail: "", actor: "clock")
            #expect(try database.uncorrectedUnsyncedPunches(afterSeq: 0).map(\.seq) == [4])
        }
    }
}
