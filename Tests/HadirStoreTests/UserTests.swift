import Foundation
import HadirCore
import Testing

@testable import HadirStore

@Suite("Users")
struct UserTests {
    @Test func upsertAddsThenRenamesWithAuditAndSkipsNoOps() throws {
        try withDatabase { database, _ in
            let employee = Employee(pin: try pin("1001"), name: "Siti")
            #expect(try database.upsertUser(employee, actor: "hadirctl") == .added)
            #expect(try database.upsertUser(employee, actor: "hadirctl") == .unchanged)
            #expect(
                try database.upsertUser(Employee(pin: employee.pin, name: "Siti Aminah"), actor: "adms")
                    == .updated(previousName: "Siti"))
            #expect(try database.user(pin: employee.pin)?.name == "Siti Aminah")

            let log = try database.auditLog()
            #expect(log.map(\.action) == [.userUpdate, .userAdd])
            #expect(log.map(\.actor) == ["adms", "hadirctl"])
            #expect(log.first?.detail == "name \"Siti\" → \"Siti Aminah\"")
            #expect(log.allSatisfy { $0.pin == employee.pin && $0.atMilliseconds == testNow })
        }
    }

    @Test func usersAreListedInNumericPINOrder() throws {
        try withDatabase { database, _ in
            for text in ["10", "9", "200", "B2", "A1"] {
                try database.upsertUser(Employee(pin: try pin(text), name: "Employee \(text)"), actor: "test")
            }
            #expect(try database.users().map(\.pin.rawValue) == ["9", "10", "200", "A1", "B2"])
            #expect(try database.user(pin: pin("11")) == nil)
        }
    }

    @Test func removingAUserOrphansTheirSlotAndKeepsTheirPunches() throws {
        try withDatabase { database, _ in
            let siti = try pin("1001")
            try database.upsertUser(Employee(pin: siti, name: "Siti"), actor: "test")
            try database.assignFinger(pin: siti, slot: 5, template: [1, 2, 3], replace: false, actor: "test")
            try database.append(draft(pin: "1001"))

            #expect(try database.removeUser(pin: siti, actor: "hadirctl") == 5)
            #expect(try database.user(pin: siti) == nil)
            #expect(try database.fingerSlot(pin: siti) == nil)
            #expect(try database.orphanSlots() == [5])
            #expect(try database.usedSlots() == [5])
            #expect(try database.punchCount() == 1)
            let removal = try database.auditLog(limit: 1).first
            #expect(removal?.action == .userRemove)
            #expect(removal?.slot == 5)
        }
    }

    @Test func removingAUserWithoutFingerOrphansNothing() throws {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("7"), name: "Budi"), actor: "test")
            #expect(try database.removeUser(pin: pin("7"), actor: "test") == nil)
            #expect(try database.orphanSlots().isEmpty)
        }
    }

    @Test func removingAnUnknownUserIsRefused() throws {
        try withDatabase { database, _ in
            let ghost = try pin("404")
            #expect(storeError { try database.removeUser(pin: ghost, actor: "test") } == .unknownEmployee(ghost))
            #expect(try database.auditLog().isEmpty)
        }
    }
}
