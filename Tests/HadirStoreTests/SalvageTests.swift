import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// A damaged journal at start: quarantined, the incident recorded first, readable rows salvaged.
@Suite("Salvage")
struct SalvageTests {
    static let punchCount = 300

    /// A journal of 300 punches and a correction, five employees, three with a finger; closed.
    func makeDamagedDatabase(at path: String) throws -> [Punch] {
        let database = try HadirDatabase.open(path: path, clock: { testNow })
        for index in 1...5 { try database.upsertUser(Employee(pin: try pin("100\(index)"), name: "Pegawai \(index)"), actor: "test") }
        for (index, slot) in [(1, 3), (2, 4), (3, 5)] {
            try database.assignFinger(pin: try pin("100\(index)"), slot: UInt16(slot), template: nil, replace: false, actor: "test")
        }
        var punches = try database.append(contentsOf: (0..<Self.punchCount).map { try draft(pin: "100\($0 % 5 + 1)", offset: Int64($0)) })
        punches.append(try database.append(draft(pin: "1001", offset: 9_000, correctsSeq: 10, quality: .corrected)))
        try database.close()
        return punches
    }

    @Test func damagedFileIsQuarantinedAndTheIncidentIsTheFreshDatabasesFirstRecord() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            _ = try makeDamagedDatabase(at: path)
            // The SD card lost the file's last page.
            try FileDamage.truncate(path, droppingPages: 1)
            let failure = storeError { _ = try HadirDatabase.open(path: path) }
            #expect(failure?.isCorruption == true)

            let quarantined = try HadirDatabase.quarantine(path: path, atMilliseconds: 42)
            #expect(quarantined == path + ".corrupt-42")
            let fresh = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? fresh.close() }
            try fresh.recordQuarantineIncident(file: quarantined, reason: "\(failure.map(String.init(describing:)) ?? "")")

            let audit = try fresh.auditLog()
            #expect(audit.map(\.id) == [1])
            #expect(audit.first?.action == .databaseQuarantined)
            #expect(audit.first?.detail.hasPrefix("\(quarantined) (") == true)
            #expect(try fresh.scanEvents().map(\.kind) == [.databaseQuarantined])
            #expect(try fresh.quarantineIncident()?.file == quarantined)
            #expect(try fresh.punchCount() == 0)
        }
    }

    @Test func recoverSalvagesReadablePunchesOnceAndKeepsTheChainWhole() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            let original = try makeDamagedDatabase(at: path)
            // A page of garbage in the middle of the journal, and its last page (the newest punches) lost.
            try FileDamage.overwritePage(containing: original[149].hash, in: path)
            try FileDamage.overwritePage(containing: original[Self.punchCount - 1].hash, in: path)
            let quarantined = try HadirDatabase.quarantine(path: path, atMilliseconds: 42)
            let fresh = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? fresh.close() }
            try fresh.recordQuarantineIncident(file: quarantined, reason: "test")
            // The kiosk took a punch before the technician came.
            let today = try fresh.append(draft(pin: "1002", offset: 20_000))

            let contents = try DamagedDatabaseReader.read(path: quarantined)
            let name = URL(fileURLWithPath: quarantined).lastPathComponent
            let report = try fresh.salvage(contents, sourceFile: name, checkpointing: nil, actor: "test")

            #expect(report.unreadable > 0, "\(report)")
            #expect(report.salvaged > Self.punchCount - 60, "\(report)")
            #expect(report.salvaged + report.unreadable == original.count, "\(report)")
            #expect(report.duplicates == 0)
            #expect(report.firstSeq == today.seq + 1)
            #expect(try fresh.verifyChain() == .intact(count: 1 + report.salvaged))
            // Every salvaged row is an original punch, contents unchanged, in the original order.
            let salvaged = try fresh.punches(afterSeq: today.seq, limit: 1_000)
            let byHash = Dictionary(uniqueKeysWithValues: original.map { ($0.hash, $0) })
            let provenance = try fresh.reading { db in try SalvagedPunchRow.order(Column("seq")).fetchAll(db) }
            #expect(provenance.map(\.seq) == salvaged.map(\.seq))
            for (punch, row) in zip(salvaged, provenance) {
                let source = try #require(byHash[[UInt8](row.originalHash)])
                #expect(row.originalSeq == source.seq)
                #expect(row.sourceFile == name)
                var expected = source.draft
                expected.correctsSeq = punch.draft.correctsSeq
                #expect(punch.draft == expected)
            }
            #expect(provenance.map(\.originalSeq) == provenance.map(\.originalSeq).sorted())
            // The correction points at the salvaged copy of seq 10 (if that one survived).
            if let correction = salvaged.last, correction.draft.clock.quality == .corrected,
                let copyOf10 = provenance.first(where: { $0.originalSeq == 10 })
            {
                #expect(correction.draft.correctsSeq == copyOf10.seq)
            }
            #expect(report.usersAdded == 5)
            #expect(report.fingersAdded == 3)
            #expect(try fresh.quarantineIncident()?.recovered == report.summary)

            let again = try fresh.salvage(
                try DamagedDatabaseReader.read(path: quarantined), sourceFile: name, checkpointing: nil, actor: "test")
            #expect(again.salvaged == 0)
            #expect(again.duplicates == report.salvaged)
            #expect(again.usersAdded == 0 && again.fingersAdded == 0 && again.fingersSkipped == 0)
            #expect(try fresh.punchCount() == 1 + report.salvaged)
        }
    }

    @Test func salvagedFingersNeverGiveAnEmployeeASecondFinger() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            let original = try makeDamagedDatabase(at: path)
            try FileDamage.overwritePage(containing: original[149].hash, in: path)
            let quarantined = try HadirDatabase.quarantine(path: path)
            let fresh = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? fresh.close() }
            // Re-enrolled since the damage: 1001 in another slot, and 1002's old slot now belongs to 1009.
            try fresh.upsertUser(Employee(pin: try pin("1001"), name: "Pegawai 1"), actor: "test")
            try fresh.assignFinger(pin: try pin("1001"), slot: 7, template: nil, replace: false, actor: "test")
            try fresh.upsertUser(Employee(pin: try pin("1009"), name: "Baru"), actor: "test")
            try fresh.assignFinger(pin: try pin("1009"), slot: 4, template: nil, replace: false, actor: "test")

            let report = try fresh.salvage(
                try DamagedDatabaseReader.read(path: quarantined), sourceFile: "x", checkpointing: nil, actor: "test")
            #expect(report.fingersAdded == 1)
            #expect(report.fingersSkipped == 2)
            #expect(try fresh.fingerSlot(pin: try pin("1001"))?.slot == 7)
            #expect(try fresh.fingerSlot(pin: try pin("1003"))?.slot == 5)
            #expect(try fresh.owner(ofSlot: 4) == (try pin("1009")))
            #expect(try fresh.fingerAudit(moduleSlots: nil).employeesWithMultipleSlots.isEmpty)
        }
    }

    @Test func aFileWithoutAReadableSchemaIsReportedNotSalvaged() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("garbage.sqlite").path
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
            let failure = storeError { _ = try DamagedDatabaseReader.read(path: path) }
            #expect(failure != nil)
        }
    }
}
