import Foundation
import HadirCore
import Testing

@testable import HadirStore

/// What pull clients see of a corrected punch: the correction in place of the original, with
/// counts that match the rows, and announced ranges that stay stable when corrections arrive later.
@Suite struct PullCorrectionTests {
    /// seq 1 synced, seq 2 unsynced, seq 3 synced; optionally seq 4 corrects seq 2.
    func journal(_ database: HadirDatabase, corrected: Bool) throws {
        try database.append(draft(pin: "1001", offset: 0))
        try database.append(draft(pin: "1002", offset: 10, quality: .unsynced))
        try database.append(draft(pin: "1003", offset: 20))
        if corrected { try appendCorrection(database) }
    }

    func appendCorrection(_ database: HadirDatabase) throws {
        try database.append(draft(pin: "1002", offset: -3590, correctsSeq: 2, quality: .corrected))
    }

    @Test func aCorrectionStandsInForTheOriginal() throws {
        try withDatabase { database, _ in
            try journal(database, corrected: true)
            let snapshot = try database.pullAttendanceSnapshot()
            #expect(snapshot.punches.map(\.seq) == [1, 3, 4])
            #expect(snapshot.punches.last?.utcMilliseconds == testNow - 3_590_000)
            #expect(snapshot.throughSeq == 4)
            #expect(try database.pullAttendanceCount() == 3)
            let bounds = try database.pullAttendanceBounds()
            #expect(bounds == PullAttendanceBounds(afterSeq: 0, throughSeq: 4, count: 3))
            #expect(try database.pullPunches(afterSeq: 0, throughSeq: 4).map(\.seq) == [1, 3, 4])
            // The journal itself keeps every row.
            #expect(try database.punchCount() == 4)
        }
    }

    @Test func anAnnouncedRangeServesTheSameRowsAfterALaterCorrection() throws {
        try withDatabase { database, _ in
            try journal(database, corrected: false)
            let bounds = try database.pullAttendanceBounds()
            #expect(bounds.count == 3)
            try appendCorrection(database)
            let rows = try database.pullPunches(afterSeq: bounds.afterSeq, throughSeq: bounds.throughSeq)
            #expect(rows.map(\.seq) == [1, 2, 3])
            #expect(rows.count == bounds.count)
            #expect(try database.pullAttendanceSnapshot().punches.map(\.seq) == [1, 3, 4])
        }
    }

    @Test func aCorrectionOfAClearedPunchStillShows() throws {
        try withDatabase { database, _ in
            try journal(database, corrected: false)
            try database.clearLog(throughSeq: 3, actor: "test", detail: "test")
            try appendCorrection(database)
            #expect(try database.pullAttendanceSnapshot().punches.map(\.seq) == [4])
            #expect(try database.pullAttendanceCount() == 1)
        }
    }
}
