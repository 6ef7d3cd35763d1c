import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// Migration "v3-pull" and the users and templates the ZK pull server reads and writes.
@Suite("Pull users and templates")
struct PullStoreTests {
    // MARK: Migration

    @Test func migrationGivesExistingUsersUidsInPinOrder() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            try makeV2Database(at: path) { db in
                for text in ["10", "9", "200", "B2", "A1"] {
                    try db.execute(
                        sql: "INSERT INTO users (pin, name, created_ms, updated_ms) VALUES (?, ?, 1, 1)",
                        arguments: [text, "Employee \(text)"])
                }
            }
            let database = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? database.close() }

            let users = try database.pullUsers()
            #expect(users.map(\.pin.rawValue) == ["9", "10", "200", "A1", "B2"])
            #expect(users.map(\.uid) == [1, 2, 3, 4, 5])
            #expect(users.allSatisfy { $0.privilege == 0 && $0.password.isEmpty && $0.card == 0 })
            // The order users() lists them in.
            #expect(try database.users().map(\.pin) == users.map(\.pin))
        }
    }

    @Test func migrationArchivesAClearMadeBeforeIt() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            try makeV2Database(at: path) { db in
                try insertRawPunches(db, count: 10)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('log_cleared_through_seq', '6')")
                try db.execute(
                    sql:
                        "INSERT INTO audit_log (at_ms, action, detail, actor) VALUES (?, 'clear-log', 'through seq 6: CLEAR LOG', 'server:a')",
                    arguments: [testNow - 5000])
            }
            let database = try HadirDatabase.open(path: path, clock: { testNow })
            defer { try? database.close() }

            #expect(
                try database.pullClears() == [
                    PullClearRecord(
                        id: 1, atMilliseconds: testNow - 5000, peer: "uplink", fromSeq: 0, throughSeq: 6, cleared: 6,
                        remaining: 4, actor: "migration v3-pull")
                ])
            #expect(try database.clearedPunches(clearID: nil).map(\.seq) == Array(1...6))
            #expect(try database.pullAttendanceSnapshot().punches.map(\.seq) == Array(7...10))
        }
    }

    @Test func newUserColumnsRefuseValuesAZKRecordCannotCarry() throws {
        try withDatabase { database, path in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            try database.upsertUser(Employee(pin: try pin("1002"), name: "Budi"), actor: "test")
            for sql in [
                "UPDATE users SET zk_uid = 0 WHERE pin = '1001'",
                "UPDATE users SET zk_uid = 32768 WHERE pin = '1001'",
                "UPDATE users SET zk_uid = 2 WHERE pin = '1001'",  // Budi's
                "UPDATE users SET privilege = 256 WHERE pin = '1001'",
                "UPDATE users SET card = -1 WHERE pin = '1001'",
                "UPDATE users SET card = 4294967296 WHERE pin = '1001'",
                "UPDATE users SET password = NULL WHERE pin = '1001'",
            ] {
                #expect(throws: DatabaseError.self, "\(sql)") { try executeRaw(path, sql) }
            }
            try executeRaw(path, "UPDATE users SET card = 4294967295, privilege = 255 WHERE pin = '1001'")
            #expect(try database.pullUsers().first?.card == UInt32.max)
        }
    }

    @Test func pullClearsIsAppendOnly() throws {
        try withDatabase { database, path in
            try appendPunches(database, count: 5)
            try database.clearLog(throughSeq: 3, actor: "test", detail: "test")
            for sql in ["UPDATE pull_clears SET through_seq = 1", "DELETE FROM pull_clears"] {
                do {
                    try executeRaw(path, sql)
                    Issue.record("SQLite accepted: \(sql)")
                } catch let error as DatabaseError {
                    #expect(error.message?.contains("append-only") == true, "\(sql): \(error)")
                }
            }
            #expect(try database.pullClears().map(\.throughSeq) == [3])
        }
    }

    // MARK: Uids

    @Test func uidIsAssignedToUsersAddedThroughUplink() throws {
        try withDatabase { database, _ in
            for text in ["300", "100", "200"] {
                try database.upsertUser(Employee(pin: try pin(text), name: "Employee \(text)"), actor: "server:main")
            }
            #expect(try database.pullUsers().map { "\($0.uid):\($0.pin)" } == ["1:300", "2:100", "3:200"])
            #expect(try database.auditLog(limit: 1).first?.detail == "name \"Employee 200\", ZK uid 3")

            // A rename keeps the uid; a freed uid is the next one given.
            try database.upsertUser(Employee(pin: try pin("300"), name: "Renamed"), actor: "server:main")
            try database.removeUser(pin: try pin("100"), actor: "server:main")
            try database.upsertUser(Employee(pin: try pin("400"), name: "New"), actor: "server:main")
            #expect(
                try database.pullUsers().map { "\($0.uid):\($0.pin):\($0.name)" } == ["1:300:Renamed", "2:400:New", "3:200:Employee 200"])
        }
    }

    @Test func aUserWithoutUidGetsTheLowestFreeOneWhenUsersAreListed() throws {
        try withDatabase { database, path in
            for text in ["1", "2", "3"] {
                try database.upsertUser(Employee(pin: try pin(text), name: "E\(text)"), actor: "test")
            }
            // A hand edit (or a full uid range when they were added) leaves users without one.
            try executeRaw(path, "UPDATE users SET zk_uid = NULL WHERE pin IN ('1', '3')")
            try executeRaw(path, "UPDATE users SET zk_uid = 1 WHERE pin = '2'")

            #expect(try database.pullUsers().map { "\($0.uid):\($0.pin)" } == ["1:2", "2:1", "3:3"])
        }
    }

    @Test func aReadOnlyHandleListsUsersWithoutRepairing() throws {
        try withDatabase { database, path in
            try database.upsertUser(Employee(pin: try pin("1"), name: "E1"), actor: "test")
            try database.upsertUser(Employee(pin: try pin("2"), name: "E2"), actor: "test")
            try executeRaw(path, "UPDATE users SET zk_uid = NULL WHERE pin = '1'")
            let reader = try HadirDatabase.open(path: path, readOnly: true)
            defer { try? reader.close() }
            #expect(try reader.pullUsers().map(\.pin.rawValue) == ["2"])
        }
    }

    // MARK: USER_WRQ

    @Test func writingANewPullUserAddsItAudited() throws {
        try withDatabase { database, _ in
            let siti = PullUser(uid: 7, pin: try pin("1001"), name: "Siti", privilege: 14, password: "1234", card: 99)
            #expect(try database.writePullUser(siti, actor: "pull:10.0.0.9") == .added(uid: 7, pin: siti.pin))
            #expect(try database.pullUsers() == [siti])
            #expect(try database.user(pin: siti.pin)?.name == "Siti")
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(audit.action == .userAdd)
            #expect(audit.actor == "pull:10.0.0.9")
            #expect(audit.pin == siti.pin)
            #expect(audit.detail == "name \"Siti\", ZK uid 7, privilege 14, password set, card 99")
        }
    }

    @Test func writingTheSameUidAndPinUpdatesTheFieldsAndSaysWhatChanged() throws {
        try withDatabase { database, _ in
            let siti = PullUser(uid: 1, pin: try pin("1001"), name: "Siti", password: "1234")
            try database.writePullUser(siti, actor: "test")
            var changed = siti
            changed.name = "Siti Aminah"
            changed.privilege = 14
            changed.password = "9999"
            changed.card = 4_000_000_000

            #expect(try database.writePullUser(changed, actor: "pull:peer") == .updated(uid: 1, pin: siti.pin))
            #expect(try database.pullUsers() == [changed])
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(audit.action == .userUpdate)
            #expect(audit.actor == "pull:peer")
            #expect(
                audit.detail == "name \"Siti\" → \"Siti Aminah\", privilege 0 → 14, password changed, card 0 → 4000000000")
            #expect(!audit.detail.contains("9999"))
        }
    }

    @Test func writingAnIdenticalPullUserChangesNothingAndIsNotAudited() throws {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            let stored = try #require(try database.pullUsers().first)
            let before = try database.auditLog().count

            #expect(try database.writePullUser(stored, actor: "pull:peer") == .unchanged(uid: 1, pin: stored.pin))
            #expect(try database.auditLog().count == before)
        }
    }

    @Test func writingAKnownPinUnderAFreeUidMovesTheUser() throws {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            try database.assignFinger(pin: try pin("1001"), slot: 4, template: [1, 2], replace: false, actor: "test")
            let moved = PullUser(uid: 12, pin: try pin("1001"), name: "Siti")

            #expect(try database.writePullUser(moved, actor: "pull:peer") == .updated(uid: 12, pin: moved.pin))
            #expect(try database.pullUsers() == [moved])
            #expect(try database.pullTemplates() == [PullTemplate(uid: 12, pin: moved.pin, template: [1, 2])])
            #expect(try database.auditLog(limit: 1).first?.detail == "ZK uid 1 → 12")
        }
    }

    @Test func writingAUidHeldByAnotherPinIsAConflictThatWritesNothing() throws {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            try database.upsertUser(Employee(pin: try pin("1002"), name: "Budi"), actor: "test")
            let before = try database.pullUsers()
            let auditBefore = try database.auditLog().count

            // A new PIN on a taken uid, and a known PIN onto another's uid.
            for user in [PullUser(uid: 1, pin: try pin("2000"), name: "New"), PullUser(uid: 1, pin: try pin("1002"), name: "Budi")] {
                let error = storeError { try database.writePullUser(user, actor: "pull:peer") }
                guard case .conflict(let message)? = error else {
                    Issue.record("expected a conflict, got \(String(describing: error))")
                    continue
                }
                #expect(message.contains("ZK uid 1") && message.contains("1001") && message.contains(user.pin.rawValue))
            }
            #expect(try database.pullUsers() == before)
            #expect(try database.user(pin: pin("2000")) == nil)
            #expect(try database.auditLog().count == auditBefore)
        }
    }

    @Test func uidsOutsideTheZKRangeAreRefused() throws {
        try withDatabase { database, _ throws in
            for uid: UInt16 in [0, 32768, .max] {
                let error = storeError { try database.writePullUser(PullUser(uid: uid, pin: try pin("1"), name: "X"), actor: "t") }
                #expect(error == StoreError.conflict("ZK uid \(uid) is outside 1…32767"))
            }
            #expect(try database.pullUsers().isEmpty)
        }
    }

    @Test func aNameTheRecordCutShortKeepsTheStoredName() throws {
        try withDatabase { database, _ in
            let long = "Siti Aminah binti Abdullah Éé"  // 31 bytes
            try database.upsertUser(Employee(pin: try pin("1001"), name: long), actor: "test")
            let read = try #require(try database.pullUsers().first)

            for cut in ["Siti Aminah binti Abdull", "Siti Ami"] {
                var echoed = read
                echoed.name = cut
                #expect(try database.writePullUser(echoed, actor: "pull:peer") == .unchanged(uid: read.uid, pin: read.pin))
            }
            var promoted = read
            promoted.name = "Siti Aminah binti Abdull"
            promoted.privilege = 14
            #expect(try database.writePullUser(promoted, actor: "pull:peer") == .updated(uid: read.uid, pin: read.pin))
            #expect(try database.user(pin: read.pin)?.name == long)
            #expect(
                try database.auditLog(limit: 1).first?.detail == "privilege 0 → 14, name \"\(long)\" kept (the client sent it cut short)")

            // Any other shorter name is a rename.
            promoted.name = "Siti"
            try database.writePullUser(promoted, actor: "pull:peer")
            #expect(try database.user(pin: read.pin)?.name == "Siti")
        }
    }

    @Test func nameCutsFollowCharacterBoundaries() {
        let name = "Dewi Ayu Kusumawardhani Éé"  // 24 ASCII bytes + " Éé"
        #expect(UserRow.isCut("Dewi Ayu Kusumawardhani ", of: name))
        #expect(UserRow.isCut("Dewi Ayu", of: name))
        #expect(!UserRow.isCut("Dewi Ayu Kusumawardhan", of: name))
        #expect(!UserRow.isCut("Dewi Ayu", of: "Dewi Ayu"))
        // "é" is 2 bytes: a 24-byte cut cannot end inside it.
        let accented = String(repeating: "a", count: 23) + "éb"
        #expect(UserRow.isCut(String(repeating: "a", count: 23), of: accented))
    }

    // MARK: DELETE_USER

    @Test func removingAPullUserOrphansTheFingerSlotAndAudits() throws {
        try withDatabase { database, _ in
            let siti = try pin("1001")
            try database.upsertUser(Employee(pin: siti, name: "Siti"), actor: "test")
            try database.assignFinger(pin: siti, slot: 5, template: [9], replace: false, actor: "test")
            try database.append(draft(pin: "1001"))

            #expect(try database.removePullUser(uid: 1, actor: "pull:peer") == PullUserRemoval(pin: siti, orphanedSlot: 5))
            #expect(try database.user(pin: siti) == nil)
            #expect(try database.orphanSlots() == [5])
            #expect(try database.punchCount() == 1)
            let audit = try #require(try database.auditLog(limit: 1).first)
            #expect(audit.action == .userRemove)
            #expect(audit.actor == "pull:peer")
            #expect(audit.slot == 5)
            #expect(audit.detail == "ZK uid 1 deleted: slot 5 awaits deletion from the module")
        }
    }

    @Test func removingAnUnknownUidReturnsNilAndWritesNothing() throws {
        try withDatabase { database, _ in
            try database.upsertUser(Employee(pin: try pin("1001"), name: "Siti"), actor: "test")
            let before = try database.auditLog().count
            #expect(try database.removePullUser(uid: 2, actor: "pull:peer") == nil)
            #expect(try database.auditLog().count == before)
            #expect(try database.users().count == 1)
        }
    }

    // MARK: Templates

    @Test func templatesAreListedByUidWithoutSlotsLackingOne() throws {
        try withDatabase { database, _ in
            for text in ["1001", "1002", "1003"] {
                try database.upsertUser(Employee(pin: try pin(text), name: text), actor: "test")
            }
            try database.assignFinger(pin: try pin("1003"), slot: 1, template: [3, 3], replace: false, actor: "test")
            try database.assignFinger(pin: try pin("1002"), slot: 2, template: nil, replace: false, actor: "test")
            try database.assignFinger(pin: try pin("1001"), slot: 3, template: [1], replace: false, actor: "test")

            #expect(
                try database.pullTemplates() == [
                    PullTemplate(uid: 1, pin: try pin("1001"), template: [1]),
                    PullTemplate(uid: 3, pin: try pin("1003"), template: [3, 3]),
                ])
            // GET_FREE_SIZES counts in SQL; the count must match the buffer pyzk then reads.
            #expect(try database.pullTemplateCount() == 2)
        }
    }
}
