import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// Pull snapshots, CLEAR_ATTLOG and the clear archive: clears move a watermark, never delete.
@Suite("Pull attendance and clears")
struct PullAttendanceTests {
    // MARK: Snapshots

    @Test func snapshotHoldsEveryPunchAboveTheWatermarkInSeqOrder() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 10)
            try database.append(draft(pin: "1003", offset: 2, correctsSeq: 3))  // corrections are punches too
            try database.clearLog(throughSeq: 4, actor: "test", detail: "test")

            let snapshot = try database.pullAttendanceSnapshot()
            #expect(snapshot.clearedThroughSeq == 4)
            #expect(snapshot.throughSeq == 11)
            #expect(snapshot.punches.map(\.seq) == Array(5...11))
            let stored = try #require(try database.punch(seq: 5))
            #expect(
                snapshot.punches.first
                    == PullPunch(
                        seq: 5, pin: stored.pin.rawValue, utcMilliseconds: stored.utcMilliseconds, zoneOffsetSeconds: 25_200,
                        verify: VerifyMethod.fingerprint.rawValue, state: PunchState.checkIn.rawValue))
            #expect(try database.pullAttendanceCount() == snapshot.punches.count)
        }
    }

    @Test func snapshotDoesNotChangeWhenPunchesAreAppendedAfterIt() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 3)
            let snapshot = try database.pullAttendanceSnapshot()
            try appendPunches(database, count: 2)

            #expect(snapshot.throughSeq == 3)
            #expect(snapshot.punches.map(\.seq) == [1, 2, 3])
            #expect(try database.pullAttendanceCount() == 5)
            #expect(try database.pullAttendanceSnapshot().throughSeq == 5)
        }
    }

    @Test func anEmptySnapshotReportsTheWatermarkAsItsThroughSeq() throws {
        try withDatabase { database, _ in
            #expect(try database.pullAttendanceSnapshot() == PullAttendanceSnapshot(clearedThroughSeq: 0, throughSeq: 0, punches: []))
            try appendPunches(database, count: 4)
            try database.clearLog(throughSeq: 4, actor: "test", detail: "test")
            #expect(try database.pullAttendanceSnapshot() == PullAttendanceSnapshot(clearedThroughSeq: 4, throughSeq: 4, punches: []))
            #expect(try database.pullAttendanceCount() == 0)
        }
    }

    /// Correctness at the size the performance target names (timing is the benchmark's job).
    @Test func aSnapshotOfOneHundredThousandPunchesIsCompleteAndInOrder() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 100_000, batch: 20_000)
            try database.clearLog(throughSeq: 10, actor: "test", detail: "test")

            let snapshot = try database.pullAttendanceSnapshot()
            #expect(snapshot.punches.count == 99_990)
            #expect(try database.pullAttendanceCount() == 99_990)
            #expect(snapshot.throughSeq == 100_000)
            var expectedSeq: Int64 = 11
            var mismatches = 0
            for punch in snapshot.punches {
                if punch.seq != expectedSeq || punch.pin != "\(1000 + (expectedSeq - 1) % 300)"
                    || punch.utcMilliseconds != testNow + (expectedSeq - 1) * 1000
                {
                    mismatches += 1
                }
                expectedSeq += 1
            }
            #expect(mismatches == 0)
        }
    }

    // MARK: The clearable bound

    @Test func clearableBoundIsUnlimitedWithoutServers() throws {
        try withDatabase { database, _ throws in
            #expect(try database.clearableThroughSeq(servers: []) == .max)
        }
    }

    @Test func clearableBoundIsTheLowestAckedSeqAndZeroForAServerNeverSeen() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 50)
            try database.setAckedSeq(server: "main", seq: 50, atMilliseconds: nil)
            try database.setAckedSeq(server: "backup", seq: 20, atMilliseconds: nil)
            #expect(try database.clearableThroughSeq(servers: ["main", "backup"]) == 20)
            #expect(try database.clearableThroughSeq(servers: ["main"]) == 50)
            #expect(try database.clearableThroughSeq(servers: ["main", "new"]) == 0)
        }
    }

    @Test func clearableBoundStopsBeforeTheLowestQuarantinedPunchOfAnyServer() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 50)
            try database.setAckedSeq(server: "main", seq: 50, atMilliseconds: nil)
            try database.setAckedSeq(server: "backup", seq: 50, atMilliseconds: nil)
            try database.quarantinePunch(server: "backup", seq: 33, reason: "FAIL", tries: 5, atMilliseconds: 0)
            try database.quarantinePunch(server: "backup", seq: 40, reason: "FAIL", tries: 5, atMilliseconds: 0)
            try database.quarantinePunch(server: "main", seq: 45, reason: "FAIL", tries: 5, atMilliseconds: 0)
            #expect(try database.clearableThroughSeq(servers: ["main", "backup"]) == 32)
            #expect(try database.clearableThroughSeq(servers: ["main"]) == 44)
        }
    }

    // MARK: CLEAR_ATTLOG

    @Test func clearWithoutServersClearsExactlyWhatTheSessionDownloaded() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 8)
            let snapshot = try database.pullAttendanceSnapshot()
            try appendPunches(database, count: 3)  // punched while the client was downloading

            let result = try database.clearPulledAttendance(
                snapshotThroughSeq: snapshot.throughSeq, servers: [], peer: "10.0.0.9:4321", actor: "pull:10.0.0.9")

            #expect(result == PullClearResult(cleared: 8, remaining: 3, throughSeq: 8))
            #expect(try database.logClearedThroughSeq() == 8)
            #expect(try database.pullAttendanceSnapshot().punches.map(\.seq) == [9, 10, 11])
            #expect(try database.punchCount() == 11)
            #expect(try database.verifyChain() == .intact(count: 11))
        }
    }

    @Test func clearStopsAtTheLowestAckedSeqOfEveryServer() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 100)
            try database.setAckedSeq(server: "main", seq: 100, atMilliseconds: nil)
            try database.setAckedSeq(server: "backup", seq: 30, atMilliseconds: nil)

            let result = try database.clearPulledAttendance(
                snapshotThroughSeq: 100, servers: ["main", "backup"], peer: "10.0.0.9:4321", actor: "pull:10.0.0.9")

            #expect(result == PullClearResult(cleared: 30, remaining: 70, throughSeq: 30))
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(
                audit.detail
                    == "CLEAR_ATTLOG from 10.0.0.9:4321: cleared 30 punch(es), seq 1…30, 70 remaining; downloaded through seq 100, uplink servers allow only through seq 30"
            )
        }
    }

    @Test func clearStopsBeforeAQuarantinedPunch() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 100)
            try database.setAckedSeq(server: "main", seq: 100, atMilliseconds: nil)
            try database.quarantinePunch(server: "main", seq: 42, reason: "FAIL", tries: 5, atMilliseconds: 0)

            let result = try database.clearPulledAttendance(snapshotThroughSeq: 100, servers: ["main"], peer: "p", actor: "pull:p")

            #expect(result == PullClearResult(cleared: 41, remaining: 59, throughSeq: 41))
        }
    }

    @Test func theWatermarkNeverMovesBackwards() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 60)
            try database.clearPulledAttendance(snapshotThroughSeq: 50, servers: [], peer: "a", actor: "pull:a")

            // A session whose snapshot is older than the last clear.
            let stale = try database.clearPulledAttendance(snapshotThroughSeq: 30, servers: [], peer: "b", actor: "pull:b")
            #expect(stale == PullClearResult(cleared: 0, remaining: 10, throughSeq: 50))
            // An uplink clear below the watermark.
            #expect(try database.clearLog(throughSeq: 10, actor: "server:main", detail: "CLEAR LOG") == 10)
            #expect(try database.logClearedThroughSeq() == 50)
            #expect(
                try database.auditLog(limit: 2).last?.detail
                    == "CLEAR_ATTLOG from b: nothing cleared (already through seq 50), 10 remaining")
        }
    }

    @Test func aClearNeverPassesTheLastPunch() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 10)
            #expect(try database.clearLog(throughSeq: 1_000, actor: "test", detail: "test") == 0)
            #expect(try database.logClearedThroughSeq() == 10)
            #expect(try database.clearPulledAttendance(snapshotThroughSeq: 99, servers: [], peer: "p", actor: "t").throughSeq == 10)
            try appendPunches(database, count: 1)
            #expect(try database.pullAttendanceSnapshot().punches.map(\.seq) == [11])
        }
    }

    @Test func aClearBeforeAnyDownloadClearsNothingButIsAudited() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 5)

            let result = try database.clearPulledAttendance(
                snapshotThroughSeq: nil, servers: [], peer: "10.0.0.9:4321", actor: "pull:10.0.0.9")

            #expect(result == PullClearResult(cleared: 0, remaining: 5, throughSeq: 0))
            #expect(try database.logClearedThroughSeq() == 0)
            #expect(try database.pullClears().isEmpty)
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(audit.action == .clearLog)
            #expect(audit.actor == "pull:10.0.0.9")
            #expect(audit.detail == "CLEAR_ATTLOG from 10.0.0.9:4321 before any download: nothing cleared, 5 remaining")
        }
    }

    // MARK: The archive

    @Test func everyPullClearIsArchivedAndAudited() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 20)
            try database.setAckedSeq(server: "main", seq: 12, atMilliseconds: nil)
            try database.clearPulledAttendance(snapshotThroughSeq: 20, servers: ["main"], peer: "10.0.0.9:4321", actor: "pull:10.0.0.9")
            // Nothing more is clearable: the attempt is still archived.
            try database.clearPulledAttendance(snapshotThroughSeq: 20, servers: ["main"], peer: "10.0.0.7:5555", actor: "pull:10.0.0.7")

            #expect(
                try database.pullClears() == [
                    PullClearRecord(
                        id: 1, atMilliseconds: testNow, peer: "10.0.0.9:4321", fromSeq: 0, throughSeq: 12, cleared: 12, remaining: 8,
                        actor: "pull:10.0.0.9"),
                    PullClearRecord(
                        id: 2, atMilliseconds: testNow, peer: "10.0.0.7:5555", fromSeq: 12, throughSeq: 12, cleared: 0, remaining: 8,
                        actor: "pull:10.0.0.7"),
                ])
            let audit = try database.auditLog(limit: 2)
            #expect(audit.map(\.action) == [.clearLog, .clearLog])
            #expect(audit.map(\.actor) == ["pull:10.0.0.7", "pull:10.0.0.9"])
            #expect(audit.allSatisfy { $0.detail.hasPrefix("CLEAR_ATTLOG from 10.0.0.") })
        }
    }

    @Test func uplinkClearLogIsArchivedWhenTheWatermarkMoves() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 10)
            #expect(try database.clearLog(throughSeq: 6, actor: "server:main", detail: "CLEAR LOG from main") == 4)
            #expect(try database.clearLog(throughSeq: 6, actor: "server:main", detail: "CLEAR LOG from main") == 4)

            #expect(
                try database.pullClears() == [
                    PullClearRecord(
                        id: 1, atMilliseconds: testNow, peer: "uplink", fromSeq: 0, throughSeq: 6, cleared: 6, remaining: 4,
                        actor: "server:main")
                ])
            // Both are audited, as before.
            #expect(
                try database.auditLog(limit: 2).map(\.detail) == [
                    "through seq 6: CLEAR LOG from main", "through seq 6: CLEAR LOG from main",
                ])
        }
    }

    @Test func clearedPunchesAreStillInTheJournalAndListedPerClear() throws {
        try withDatabase { database, _ in
            try appendPunches(database, count: 20)
            try database.clearLog(throughSeq: 5, actor: "server:main", detail: "CLEAR LOG")
            try database.clearPulledAttendance(snapshotThroughSeq: 15, servers: [], peer: "p", actor: "pull:p")
            let clears = try database.pullClears()
            #expect(clears.map(\.id) == [1, 2])

            #expect(try database.clearedPunches(clearID: 1).map(\.seq) == Array(1...5))
            #expect(try database.clearedPunches(clearID: 2).map(\.seq) == Array(6...15))
            #expect(try database.clearedPunches(clearID: nil).map(\.seq) == Array(1...15))
            #expect(try database.clearedPunches(clearID: 99).isEmpty)
            #expect(try database.clearedPunches(clearID: 2).first == database.punch(seq: 6))
            #expect(try database.verifyChain() == .intact(count: 20))
        }
    }

    @Test func theArchiveIsReadableThroughAReadOnlyHandle() throws {
        try withDatabase { database, path in
            try appendPunches(database, count: 3)
            try database.clearPulledAttendance(snapshotThroughSeq: 2, servers: [], peer: "p", actor: "pull:p")
            let reader = try HadirDatabase.open(path: path, readOnly: true)
            defer { try? reader.close() }
            #expect(try reader.pullClears().map(\.throughSeq) == [2])
            #expect(try reader.clearedPunches(clearID: nil).map(\.seq) == [1, 2])
            #expect(try reader.pullAttendanceSnapshot().punches.map(\.seq) == [3])
            #expect(
                storeError { _ = try reader.clearPulledAttendance(snapshotThroughSeq: 3, servers: [], peer: "p", actor: "t") }
                    == .readOnly(path: path))
        }
    }
}
