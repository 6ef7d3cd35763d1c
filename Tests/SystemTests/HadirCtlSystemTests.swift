import Foundation
import GRDB
import HadirCore
import HadirStore
import Testing

/// hadirctl's offline commands against a real journal, as a technician would run them.
@Suite struct HadirCtlSystemTests {
    func journal(punches: Int) throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory("ctl")
        let state = dir.path + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite")
        try database.upsertUser(Employee(pin: try EmployeePIN("1001"), name: "Siti"), actor: "test")
        let start = LocalDateTime(year: 2026, month: 11, day: 23, hour: 7, minute: 0, second: 0).utcMilliseconds(offsetSeconds: 25_200)
        for index in 0..<punches {
            let clock = ClockReading(
                utcMilliseconds: start + Int64(index) * 60_000, monotonicNanoseconds: UInt64(index), bootID: "b", quality: .synced)
            try database.append(
                PunchDraft(
                    deviceSerial: "HDRTEST", pin: try EmployeePIN("1001"), clock: clock, zoneOffsetSeconds: 25_200,
                    verify: .fingerprint, state: .checkIn, classification: .onTime))
        }
        try database.close()
        return (dir, state)
    }

    func hadirctl(_ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: arguments)
        let status = process.waitForExit()
        return (status, process.output, process.errors)
    }

    @Test func verifyJournalPassesOnAnIntactJournal() throws {
        let (dir, state) = try journal(punches: 5)
        defer { dir.remove() }
        let result = try hadirctl(["--state", state, "verify-journal"])
        #expect(result.status == 0)
        #expect(result.output.first?.hasPrefix("journal intact: 5 punches, last seq 5") == true)
    }

    @Test func verifyJournalReportsTheFirstBadSeqOfAnEditedJournal() throws {
        let (dir, state) = try journal(punches: 8)
        defer { dir.remove() }
        // Someone with root edits a punch time after dropping the append-only trigger.
        let queue = try DatabaseQueue(path: state + "/hadir.sqlite")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER journal_no_update; UPDATE journal SET utc_ms = utc_ms - 1800000 WHERE seq = 4")
        }
        try queue.close()
        let result = try hadirctl(["--state", state, "verify-journal"])
        #expect(result.status == 1)
        #expect(result.output == ["journal BROKEN at seq 4: hash does not match the punch's contents"])
        let json = try hadirctl(["--state", state, "verify-journal", "--json"])
        #expect(json.output.joined().contains("\"first_bad_seq\" : 4"))
    }

    @Test func punchesListsTheJournalWithLocalTimesAndFilters() throws {
        let (dir, state) = try journal(punches: 3)
        defer { dir.remove() }
        let result = try hadirctl(["--state", state, "punches", "--offline"])
        #expect(result.status == 0)
        #expect(result.output.contains { $0.contains("2026-11-23 07:02:00") && $0.contains("Siti") && $0.contains("on_time") })
        #expect(result.output.last == "3 punch(es)")
        #expect(try hadirctl(["--state", state, "punches", "--offline", "--from", "2026-11-24"]).output.last == "0 punch(es)")
        #expect(try hadirctl(["--state", state, "punches", "--offline", "--pin", "bad pin"]).status == 64)
    }

    @Test func reconcilePrintsPerDayCountsAndDigests() throws {
        let (dir, state) = try journal(punches: 4)
        defer { dir.remove() }
        let result = try hadirctl(["--state", state, "reconcile", "--offline", "--from", "2026-11-01", "--to", "2026-11-30"])
        #expect(result.status == 0)
        #expect(result.output.contains { $0.hasPrefix("2026-11-23") && $0.contains(" 4 ") && $0.contains("1-4") })
        #expect(result.output.last == "4 punch(es) on 1 day(s)")
        let json = try hadirctl(["--state", state, "reconcile", "--offline", "--from", "2026-11-23", "--to", "2026-11-23", "--json"])
        #expect(json.output.joined().contains("\"count\" : 4"))
        #expect(try hadirctl(["--state", state, "reconcile", "--offline", "--from", "2026-12-01", "--to", "2026-11-01"]).status == 64)
    }

    @Test func offlineAuditFingersChecksTheDatabase() throws {
        let (dir, state) = try journal(punches: 0)
        defer { dir.remove() }
        let result = try hadirctl(["--state", state, "audit-fingers"])
        #expect(result.status == 0)
        #expect(result.output.contains("single-finger rule holds: no problems found"))
    }

    @Test func aMissingJournalIsAClearError() throws {
        let dir = try TemporaryDirectory("ctl-missing")
        defer { dir.remove() }
        let result = try hadirctl(["--state", dir.path + "/nowhere", "punches"])
        #expect(result.status == 1)
        #expect(result.errors.first?.hasPrefix("hadirctl: ") == true)
        #expect(result.errors.first?.contains("nowhere") == true)
    }
}
