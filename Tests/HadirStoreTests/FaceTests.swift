import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

@Suite("Faces")
struct FaceTests {
    /// A database with employees 1001 (Siti) and 1002 (Budi).
    private func withEmployees<T>(_ body: (HadirDatabase) throws -> T) throws -> T {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            try database.upsertUser(Employee(pin: try pin("1002"), name: "Budi"), actor: "test")
            return try body(database)
        }
    }

    @Test func enrollRecordsFaceAndAudit() throws {
        try withEmployees { database in
            let siti = try pin("1001")
            let assignment = try database.assignFace(pin: siti, faceID: 4, replace: false, actor: "kiosk")
            #expect(assignment == FaceAssignment(pin: siti, faceID: 4, replacedFaceID: nil))
            #expect(try database.faceID(pin: siti) == 4)
            #expect(try database.owner(ofFace: 4) == siti)
            #expect(try database.owner(ofFace: 5) == nil)
            #expect(try database.faceEnrollments() == [FaceEnrollment(pin: siti, faceID: 4)])
            let entry = try database.auditLog(limit: 1).first
            #expect(entry?.action == .enrollFace)
            #expect(entry?.slot == 4)
            // A face and a finger are independent enrollments of the same employee.
            try database.assignFinger(pin: siti, slot: 4, template: nil, replace: false, actor: "kiosk")
            #expect(try database.faceID(pin: siti) == 4)
        }
    }

    @Test func oneFacePerEmployeeAndOneEmployeePerFace() throws {
        try withEmployees { database in
            let siti = try pin("1001")
            let budi = try pin("1002")
            try database.assignFace(pin: siti, faceID: 1, replace: false, actor: "kiosk")
            #expect(throws: StoreError.employeeAlreadyHasFace(faceID: 1)) {
                try database.assignFace(pin: siti, faceID: 2, replace: false, actor: "kiosk")
            }
            #expect(throws: StoreError.faceTaken(faceID: 1, by: siti)) {
                try database.assignFace(pin: budi, faceID: 1, replace: true, actor: "kiosk")
            }
            #expect(throws: StoreError.unknownEmployee(try pin("9999"))) {
                try database.assignFace(pin: try pin("9999"), faceID: 7, replace: false, actor: "kiosk")
            }
            #expect(try database.faceEnrollments() == [FaceEnrollment(pin: siti, faceID: 1)])
        }
    }

    @Test func replacingOrphansTheOldFaceUntilTheModuleDeletesIt() throws {
        try withEmployees { database in
            let siti = try pin("1001")
            try database.assignFace(pin: siti, faceID: 1, replace: false, actor: "kiosk")
            let moved = try database.assignFace(pin: siti, faceID: 2, replace: true, actor: "kiosk")
            #expect(moved.replacedFaceID == 1)
            #expect(try database.orphanFaces() == [1])
            #expect(try database.auditLog(limit: 1).first?.action == .reEnrollFace)
            try database.clearOrphanFace(1, actor: "hadird")
            #expect(try database.orphanFaces().isEmpty)
            #expect(try database.auditLog(limit: 1).first?.action == .orphanFaceCleared)
            // Clearing twice audits nothing more.
            let count = try database.auditLog(limit: 100).count
            try database.clearOrphanFace(1, actor: "hadird")
            #expect(try database.auditLog(limit: 100).count == count)
        }
    }

    @Test func removingTheFaceOrTheEmployeeOrphansTheFaceID() throws {
        try withEmployees { database in
            let siti = try pin("1001")
            let budi = try pin("1002")
            try database.assignFace(pin: siti, faceID: 1, replace: false, actor: "kiosk")
            try database.assignFace(pin: budi, faceID: 2, replace: false, actor: "kiosk")
            #expect(try database.removeFace(pin: siti, actor: "tech") == 1)
            #expect(try database.removeFace(pin: siti, actor: "tech") == nil)
            try database.removeUser(pin: budi, actor: "tech")
            #expect(try database.orphanFaces() == [1, 2])
            #expect(try database.faceEnrollments().isEmpty)
            // A pending id is claimed when the module hands it out again.
            try database.assignFace(pin: siti, faceID: 2, replace: false, actor: "kiosk")
            #expect(try database.orphanFaces() == [1])
        }
    }

    @Test func anInterruptedEnrollmentOrphansOnlyUnownedIDs() throws {
        try withEmployees { database in
            let siti = try pin("1001")
            try database.assignFace(pin: siti, faceID: 1, replace: false, actor: "kiosk")
            try database.beginFaceEnrollment(pin: try pin("1002"))
            #expect(try database.faceEnrollmentInterrupted())
            try database.orphanUnownedFaces([1, 2], reason: "interrupted enrollment")
            #expect(try database.orphanFaces() == [2])
            #expect(try !database.faceEnrollmentInterrupted())
            // A completed enrollment clears the flag in its own transaction.
            try database.beginFaceEnrollment(pin: try pin("1002"))
            try database.assignFace(pin: try pin("1002"), faceID: 3, replace: false, actor: "kiosk")
            #expect(try !database.faceEnrollmentInterrupted())
            try database.beginFaceEnrollment(pin: try pin("1002"))
            try database.endFaceEnrollment()
            #expect(try !database.faceEnrollmentInterrupted())
        }
    }

    @Test func sqliteItselfKeepsAFaceEitherOwnedOrPending() throws {
        try withEmployees { database in
            try database.assignFace(pin: try pin("1001"), faceID: 1, replace: false, actor: "kiosk")
            #expect(throws: (any Error).self) {
                try database.pool.write { db in
                    try db.execute(sql: "INSERT INTO orphan_faces (face_id, reason, since_ms) VALUES (1, 'x', 0)")
                }
            }
        }
    }
}
