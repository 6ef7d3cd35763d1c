import Foundation
import HadirCore
import HadirStore
import Logging
import Testing

@testable import HadirDaemon

/// A database damaged while the kiosk was off: moved aside and kept, and the incident is the fresh
/// database's first record.
@Suite struct DatabaseOpenerTests {
    let directory = NSTemporaryDirectory() + "hadir-storage-\(UUID().uuidString.prefix(8))"
    let siti = Employee(pin: try! EmployeePIN("1001"), name: "Siti")

    @Test func aDamagedDatabaseIsQuarantinedAndTheIncidentIsRecordedFirst() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/hadir.sqlite"
        let original = try HadirDatabase.open(path: path)
        try original.upsertUser(siti, actor: "test")
        try original.close()
        // Garbage over the second page (a table's root): quick_check fails at open.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()

        let (database, incident) = try DatabaseOpener.open(path: path, logger: Logger(label: "test"))
        defer { try? database.close() }
        let quarantined = try #require(incident)
        #expect(quarantined.file.hasPrefix(path + ".corrupt-"))
        #expect(FileManager.default.fileExists(atPath: quarantined.file))
        let audit = try database.auditLog()
        #expect(audit.count == 1)
        #expect(audit.first?.action == .databaseQuarantined)
        #expect(try database.scanEvents().first?.detail == quarantined.file)
        #expect(try database.punchCount() == 0)
    }
}
