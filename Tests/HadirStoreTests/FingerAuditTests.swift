import Foundation
import HadirCore
import Testing

@testable import HadirStore

@Suite("Finger audit")
struct FingerAuditTests {
    @Test func consistentDatabaseAndModuleAuditClean() throws {
        try withDatabase { database, _ in
            for (text, slot) in [("1001", UInt16(1)), ("1002", 2)] {
                try database.upsertUser(Employee(pin: try pin(text), name: text), actor: "test")
                try database.assignFinger(pin: try pin(text), slot: slot, template: nil, replace: false, actor: "test")
            }
            let report = try database.fingerAudit(moduleSlots: [2, 1])
            #expect(report.isClean)
            #expect(report.moduleChecked)
            #expect(try database.fingerAudit(moduleSlots: nil) == FingerAuditReport(moduleChecked: false))
        }
    }

    @Test func auditReportsOrphansAndDisagreementsWithTheModule() throws {
        try withDatabase { database, _ in
            for (text, slot) in [("1001", UInt16(1)), ("1002", 2), ("1003", 3)] {
                try database.upsertUser(Employee(pin: try pin(text), name: text), actor: "test")
                try database.assignFinger(pin: try pin(text), slot: slot, template: nil, replace: false, actor: "test")
            }
            try database.removeFinger(pin: pin("1003"), actor: "test")  // slot 3 awaits DeletChar

            let report = try database.fingerAudit(moduleSlots: [1, 3, 9])
            #expect(report.pendingOrphanSlots == [3])
            #expect(report.slotsWithoutEmployee == [3, 9])
            #expect(report.slotsMissingOnModule == [2])
            #expect(report.employeesWithMultipleSlots.isEmpty)
            #expect(!report.isClean)

            let databaseOnly = try database.fingerAudit(moduleSlots: nil)
            #expect(databaseOnly.slotsWithoutEmployee == [3])
            #expect(databaseOnly.slotsMissingOnModule.isEmpty)
            #expect(!databaseOnly.moduleChecked)
        }
    }

    @Test func auditFindsDoubleFingersInAHandEditedLegacyDatabase() throws {
        try withDatabase { database, path in
            for text in ["1001", "1002"] {
                try database.upsertUser(Employee(pin: try pin(text), name: text), actor: "test")
            }
            // A legacy import: finger_slots rebuilt without its UNIQUE and foreign-key constraints.
            try executeRaw(
                path,
                """
                PRAGMA foreign_keys = OFF;
                DROP TABLE finger_slots;
                CREATE TABLE finger_slots (pin TEXT, slot INTEGER, template BLOB, enrolled_ms INTEGER);
                INSERT INTO finger_slots (pin, slot, enrolled_ms) VALUES
                    ('1001', 1, 0), ('1001', 2, 0), ('1002', 2, 0), ('ghost', 4, 0), ('bad pin!', 5, 0), ('1002', 70000, 0);
                """)
            let report = try database.fingerAudit(moduleSlots: [1, 2, 4])
            #expect(report.employeesWithMultipleSlots == [try pin("1001"): [1, 2], try pin("1002"): [2]])
            #expect(report.slotsWithMultipleEmployees == [2: [try pin("1001"), try pin("1002")]])
            #expect(report.slotsWithoutEmployee == [4])
            #expect(
                report.unreadableRows == [
                    "finger_slots row pin=bad pin! slot=5", "finger_slots row pin=1002 slot=70000",
                ])
            #expect(!report.isClean)
        }
    }
}
