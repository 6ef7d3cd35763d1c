import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

@Suite("Fingers")
struct FingerTests {
    /// A database with employees 1001 (Siti) and 1002 (Budi).
    private func withEmployees<T>(_ body: (HadirDatabase, String) throws -> T) throws -> T {
        try withDatabase { database, path in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            try database.upsertUser(Employee(pin: try pin("1002"), name: "Budi"), actor: "test")
            return try body(database, path)
        }
    }

    @Test func enrollRecordsSlotTemplateAndAudit() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            let assignment = try database.assignFinger(
                pin: siti, slot: 3, template: [0xEF, 0x01, 0x02], replace: false, actor: "kiosk")
            #expect(assignment == FingerAssignment(pin: siti, slot: 3, replacedSlot: nil))
            #expect(try database.fingerSlot(pin: siti) == FingerSlot(pin: siti, slot: 3))
            #expect(try database.owner(ofSlot: 3) == siti)
            #expect(try database.owner(ofSlot: 4) == nil)
            #expect(try database.template(pin: siti) == [0xEF, 0x01, 0x02])
            #expect(try database.fingerSlots() == [FingerSlot(pin: siti, slot: 3)])
            #expect(try database.usedSlots() == [3])
            let entry = try database.auditLog(limit: 1).first
            #expect(entry?.action == .enroll)
            #expect(entry?.detail == "slot 3")
            #expect(entry?.actor == "kiosk")
        }
    }

    @Test func enrollWithoutTemplateBytesStoresNone() throws {
        try withEmployees { database, _ in
            try database.assignFinger(pin: try pin("1001"), slot: 0, template: nil, replace: false, actor: "kiosk")
            #expect(try database.template(pin: pin("1001")) == nil)
            #expect(try database.fingerSlot(pin: pin("1001"))?.slot == 0)
        }
    }

    @Test func enrollRefusesEmployeeWhoAlreadyHasAFinger() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            try database.assignFinger(pin: siti, slot: 3, template: [1], replace: false, actor: "kiosk")
            let error = storeError {
                try database.assignFinger(pin: siti, slot: 4, template: [2], replace: false, actor: "kiosk")
            }
            #expect(error == .employeeAlreadyHasFinger(slot: 3))
            #expect(
                error?.description == "the employee already has a finger enrolled (slot 3); use replace to re-enroll")
            #expect(try database.fingerSlots() == [FingerSlot(pin: siti, slot: 3)])
            #expect(try database.template(pin: siti) == [1])
        }
    }

    @Test func enrollRefusesSlotOwnedByAnotherEmployeeEvenWhenReplacing() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            let budi = try pin("1002")
            try database.assignFinger(pin: siti, slot: 3, template: nil, replace: false, actor: "kiosk")
            try database.assignFinger(pin: budi, slot: 8, template: nil, replace: false, actor: "kiosk")
            for replace in [false, true] {
                let error = storeError {
                    try database.assignFinger(pin: budi, slot: 3, template: nil, replace: replace, actor: "kiosk")
                }
                #expect(error == .slotTaken(slot: 3, by: siti))
            }
            #expect(try database.fingerSlot(pin: budi)?.slot == 8)
            #expect(try database.orphanSlots().isEmpty)
        }
    }

    @Test func enrollRefusesUnknownEmployee() throws {
        try withEmployees { database, _ in
            let ghost = try pin("404")
            #expect(
                storeError {
                    try database.assignFinger(pin: ghost, slot: 1, template: nil, replace: false, actor: "kiosk")
                } == .unknownEmployee(ghost))
            #expect(storeError { try database.removeFinger(pin: ghost, actor: "kiosk") } == .unknownEmployee(ghost))
        }
    }

    @Test func reEnrollMovesTheOldSlotToOrphansAndAuditsBothSteps() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            try database.assignFinger(pin: siti, slot: 3, template: [1], replace: false, actor: "kiosk")
            let assignment = try database.assignFinger(
                pin: siti, slot: 7, template: [2], replace: true, actor: "hadirctl")

            #expect(assignment == FingerAssignment(pin: siti, slot: 7, replacedSlot: 3))
            #expect(try database.fingerSlot(pin: siti)?.slot == 7)
            #expect(try database.template(pin: siti) == [2])
            #expect(try database.orphanSlots() == [3])
            #expect(try database.usedSlots() == [3, 7])
            #expect(try database.owner(ofSlot: 3) == nil)
            let reEnroll = try database.auditLog(limit: 1).first
            #expect(reEnroll?.action == .reEnroll)
            #expect(reEnroll?.detail == "slot 3 → slot 7")

            // The module's DeletChar of slot 3 succeeded.
            try database.clearOrphan(slot: 3, actor: "hadird")
            #expect(try database.orphanSlots().isEmpty)
            #expect(try database.usedSlots() == [7])
            #expect(try database.auditLog(limit: 1).first?.action == .orphanCleared)
            try database.clearOrphan(slot: 3, actor: "hadird")  // already cleared: nothing audited
            #expect(try database.auditLog().map(\.action) == [.orphanCleared, .reEnroll, .enroll, .userAdd, .userAdd])
        }
    }

    @Test func reEnrollIntoTheSameSlotReplacesInPlace() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            try database.assignFinger(pin: siti, slot: 3, template: [1], replace: false, actor: "kiosk")
            let assignment = try database.assignFinger(pin: siti, slot: 3, template: [9], replace: true, actor: "kiosk")
            #expect(assignment.replacedSlot == nil)
            #expect(try database.template(pin: siti) == [9])
            #expect(try database.orphanSlots().isEmpty)
        }
    }

    @Test func pendingSlotIsClaimedByTheAssignmentThatFollows() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            try database.markPendingSlot(12, reason: "enrollment of 1001 in progress", actor: "kiosk")
            #expect(try database.orphanSlots() == [12])
            #expect(try database.usedSlots() == [12])
            // Power cut here: the start-up clean-up would delete slot 12 from the module.
            try database.assignFinger(pin: siti, slot: 12, template: nil, replace: false, actor: "kiosk")
            #expect(try database.orphanSlots().isEmpty)
            #expect(try database.owner(ofSlot: 12) == siti)
            #expect(try database.auditLog(limit: 1).first?.detail == "slot 12 (pending slot claimed)")
        }
    }

    @Test func markingAnOwnedSlotPendingIsRefused() throws {
        try withEmployees { database, _ in
            let siti = try pin("1001")
            try database.assignFinger(pin: siti, slot: 3, template: nil, replace: false, actor: "kiosk")
            #expect(
                storeError { try database.markPendingSlot(3, reason: "enroll", actor: "kiosk") }
                    == .slotTaken(slot: 3, by: siti))
            #expect(try database.orphanSlots().isEmpty)
        }
    }

    @Test func removingAFingerOrphansItsSlot() throws {
        try withEmployees { database, _ in
            let budi = try pin("1002")
            try database.assignFinger(pin: budi, slot: 4, template: [1], replace: false, actor: "kiosk")
            #expect(try database.removeFinger(pin: budi, actor: "hadirctl") == 4)
            #expect(try database.fingerSlot(pin: budi) == nil)
            #expect(try database.template(pin: budi) == nil)
            #expect(try database.orphanSlots() == [4])
            let entry = try database.auditLog(limit: 1).first
            #expect(entry?.action == .deleteFinger)
            #expect(entry?.slot == 4)
            #expect(try database.removeFinger(pin: budi, actor: "hadirctl") == nil)
            // A fresh enroll may now take a new slot.
            #expect(
                try database.assignFinger(pin: budi, slot: 5, template: nil, replace: false, actor: "kiosk")
                    .replacedSlot == nil)
        }
    }

    @Test func databaseItselfRefusesSecondFingerAndOwnedOrphans() throws {
        try withEmployees { database, path in
            try database.assignFinger(pin: try pin("1001"), slot: 3, template: nil, replace: false, actor: "kiosk")
            for sql in [
                "INSERT INTO finger_slots (pin, slot, enrolled_ms) VALUES ('1001', 4, 0)",  // second finger
                "INSERT INTO finger_slots (pin, slot, enrolled_ms) VALUES ('1002', 3, 0)",  // slot taken
                "INSERT INTO finger_slots (pin, slot, enrolled_ms) VALUES ('9999', 9, 0)",  // no such user
                "INSERT INTO orphan_slots (slot, reason, since_ms) VALUES (3, 'x', 0)",  // owned slot
                "UPDATE audit_log SET actor = 'nobody'",
                "DELETE FROM audit_log",
            ] {
                do {
                    try executeRaw(path, "PRAGMA foreign_keys = ON; " + sql)
                    Issue.record("SQLite accepted: \(sql)")
                } catch is DatabaseError {
                    // Refused, as it must be.
                }
            }
            #expect(try database.fingerSlots().count == 1)
        }
    }

    @Test func refusalsAreAuditedByTheCallerNewestFirst() throws {
        try withEmployees { database, _ in
            try database.recordAudit(
                action: .enrollRefused, pin: try pin("1002"), slot: 3,
                detail: "this finger is already enrolled for employee 1001 (slot 3)", actor: "kiosk")
            try database.recordAudit(
                action: "re-enroll", pin: try pin("1001"), slot: 3, detail: "same finger", actor: "kiosk")
            let log = try database.auditLog(limit: 2)
            #expect(log.map(\.action) == [.reEnroll, .enrollRefused])
            #expect(log.last?.slot == 3)
            #expect(log[0].id > log[1].id)
        }
    }
}
