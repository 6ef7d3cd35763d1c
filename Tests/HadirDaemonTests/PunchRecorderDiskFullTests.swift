import Foundation
import GRDB
import HadirCore
import Logging
import Testing

@testable import HadirDaemon
@testable import HadirStore

/// A full disk refuses the punch — never "Terima kasih" from memory — and the first punch after
/// space is freed is stored without a restart (decision 0012). SQLite's `max_page_count` stands in
/// for the disk; `DiskFaultSystemTests` fills a real tmpfs.
@Suite struct PunchRecorderDiskFullTests {
    let directory = NSTemporaryDirectory() + "hadir-storage-\(UUID().uuidString.prefix(8))"
    let budi = Employee(pin: try! EmployeePIN("1002"), name: "Budi")

    func setPageLimit(_ database: HadirDatabase, extra: Int) throws {
        try database.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + extra)")
        }
    }

    @Test func aFullDiskRefusesThePunchWithoutThankYouAndTheNextOneAfterFreeingIsStored() async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        try database.upsertUser(budi, actor: "test")
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        let health = StorageHealth(thresholds: StorageThresholds(warnFreeMegabytes: 0, criticalFreeMegabytes: 0))
        let clock = ManualClock(local: "2026-11-23 07:12")
        // No duplicate window: Budi punches again and again until the disk is full.
        let recorder = try PunchRecorder(
            database: database, clock: clock, profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 0),
            deviceSerial: "HDRTEST", hub: hub, language: .indonesian, logger: Logger(label: "test"), storage: health)
        var events = hub.subscribe().makeAsyncIterator()
        try setPageLimit(database, extra: 0)
        var stored = 0
        while stored < 2_000, case .recorded = await recorder.record(budi, verify: .fingerprint, slot: 4) {
            stored += 1
            clock.advance(seconds: 1)
        }
        var refused = await events.next()
        while refused?.event == .punch { refused = await events.next() }
        #expect(refused?.event == .storageFull)
        #expect(refused?.message == "Penyimpanan penuh — hubungi operator")
        #expect(health.status.level == .full)
        #expect(health.status.refusedPunches == 1)
        let countBefore = try database.punchCount()
        #expect(countBefore == stored)
        // Nothing else was written for the refusal (a scan event would fail the same way).
        let scanEvents = try database.scanEvents()
        #expect(scanEvents.isEmpty)

        try setPageLimit(database, extra: 10_000)
        let outcome = await recorder.record(budi, verify: .fingerprint, slot: 4)
        guard case .recorded(let punch) = outcome else {
            Issue.record("expected a punch after space was freed, got \(outcome)")
            return
        }
        #expect(punch.seq == Int64(countBefore) + 1)
        #expect(await events.next()?.event == .storageRecovered)
        #expect(await events.next()?.event == .punch)
        #expect(health.status.level == .ok)
        let chain = try database.verifyChain()
        #expect(chain == .intact(count: countBefore + 1))
        try database.close()
    }
}
