import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// Templates at rest: what a copy of the database file shows, and what the daemon reads back.
@Suite struct TemplateSealingTests {
    let template: [UInt8] = (0..<498).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }

    func storedBlob(_ path: String, pin: String) throws -> [UInt8] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            [UInt8](try Data.fetchOne(db, sql: "SELECT template FROM finger_slots WHERE pin = ?", arguments: [pin]) ?? Data())
        }
    }

    func enrolled(_ database: HadirDatabase, pin text: String = "1001", slot: UInt16 = 3) throws {
        try database.upsertUser(Employee(pin: try pin(text), name: "Siti"), actor: "test")
        try database.assignFinger(pin: try pin(text), slot: slot, template: template, replace: false, actor: "test")
    }

    @Test func templatesAreSealedOnDiskAndOpenForTheDaemon() throws {
        try withDatabase { database, path in
            database.useTemplateKeyring(TemplateKeyring())
            try enrolled(database)
            let blob = try storedBlob(path, pin: "1001")
            #expect(TemplateKeyring.isSealed(blob))
            #expect(!Data(blob).contains(Data(template.prefix(16))))
            #expect(try database.template(pin: try pin("1001")) == template)
            #expect(try database.pullTemplates().map(\.template) == [template])
        }
    }

    @Test func plainTemplatesFromBeforeSealingAreResealedAtStart() throws {
        try withDatabase { database, path in
            try enrolled(database)
            #expect(try storedBlob(path, pin: "1001") == template)
            database.useTemplateKeyring(TemplateKeyring())
            #expect(try database.resealTemplates() == TemplateResealing(resealed: 1, unreadablePINs: []))
            #expect(TemplateKeyring.isSealed(try storedBlob(path, pin: "1001")))
            #expect(try database.resealTemplates().resealed == 0)
            #expect(try database.template(pin: try pin("1001")) == template)
        }
    }

    @Test func rotationResealsWithTheNewKeyAndFreesTheOldOne() throws {
        try withDatabase { database, path in
            var keyring = TemplateKeyring()
            database.useTemplateKeyring(keyring)
            try enrolled(database)
            keyring.rotate()
            database.useTemplateKeyring(keyring)
            #expect(try database.templateKeyIDsInUse() == [1])
            #expect(try database.resealTemplates().resealed == 1)
            #expect(try database.templateKeyIDsInUse() == [2])
            #expect(TemplateKeyring.keyID(of: try storedBlob(path, pin: "1001")) == 2)
            keyring.dropInactiveKeys()
            database.useTemplateKeyring(keyring)
            #expect(try database.template(pin: try pin("1001")) == template)
        }
    }

    @Test func aTemplateMovedToAnotherEmployeeDoesNotOpen() throws {
        try withDatabase { database, path in
            database.useTemplateKeyring(TemplateKeyring())
            try enrolled(database, pin: "1001", slot: 3)
            try enrolled(database, pin: "1002", slot: 4)
            try executeRaw(
                path, "UPDATE finger_slots SET template = (SELECT template FROM finger_slots WHERE pin = '1001') WHERE pin = '1002'")
            let error = storeError { _ = try database.template(pin: try pin("1002")) }
            guard case .invalidRow(_, let key, let reason)? = error else {
                Issue.record("expected invalidRow, got \(String(describing: error))")
                return
            }
            #expect(key == "pin 1002")
            #expect(reason.contains("does not open"))
            #expect(try database.resealTemplates() == TemplateResealing(resealed: 0, unreadablePINs: []))
        }
    }

    @Test func aSealedTemplateWithoutTheKeyIsAClearError() throws {
        try withDatabase { database, _ in
            database.useTemplateKeyring(TemplateKeyring())
            try enrolled(database)
            database.useTemplateKeyring(nil)
            let error = storeError { _ = try database.template(pin: try pin("1001")) }
            #expect("\(String(describing: error))".contains("no template key is loaded"))
        }
    }
}
