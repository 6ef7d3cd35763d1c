import GRDB
import HadirCore

extension HadirDatabase {
    /// All users ordered by uid, as GET users / PREPARE_BUFFER(9) presents them.
    ///
    /// Every user has a uid after migration "v3-pull" and ``upsertUser(_:actor:)``. A user without
    /// one (a hand edit, or all 32,767 uids taken when they were added) first gets the lowest free
    /// uid in a write transaction; one that still has none is left out, since a ZK record cannot
    /// carry it. A read-only handle skips that repair.
    public func pullUsers() throws(StoreError) -> [PullUser] {
        let unnumbered = try reading { db in try UserRow.filter(UserRow.Columns.zkUID == nil).fetchCount(db) }
        if unnumbered > 0, !isReadOnly {
            try writing { db in try Self.numberUnnumberedUsers(db) }
        }
        let rows = try reading { db in
            try UserRow.filter(UserRow.Columns.zkUID != nil).order(UserRow.Columns.zkUID).fetchAll(db)
        }
        var users: [PullUser] = []
        users.reserveCapacity(rows.count)
        for row in rows { users.append(try row.pullUser()) }
        return users
    }

    /// Stores a user a pull client sent with USER_WRQ, in one transaction, audited with `actor`.
    ///
    /// Users are matched by uid first, because PIN is the primary key punches refer to and cannot
    /// be renamed here:
    /// - the uid holds the same PIN: name, privilege, password and card are updated ('user-update',
    ///   detail lists what changed) or ``PullUserWriteResult/unchanged(uid:pin:)`` (not audited);
    /// - the uid holds another PIN: ``StoreError/conflict(_:)`` naming both (delete the uid first);
    /// - the uid is free but the PIN exists under another uid: that user is updated and moves to
    ///   the requested uid;
    /// - otherwise the user is added ('user-add').
    ///
    /// A name equal to the stored one cut to 24 or 8 UTF-8 bytes (what the 72- and 28-byte ZK
    /// records carry) keeps the stored name: a client writing back a user it read must not
    /// truncate the name. Throws ``StoreError/conflict(_:)`` for a uid outside 1…32767.
    @discardableResult
    public func writePullUser(_ user: PullUser, actor: String) throws(StoreError) -> PullUserWriteResult {
        guard user.uid >= 1, Int64(user.uid) <= SchemaV3Pull.maximumUID else {
            throw .conflict("ZK uid \(user.uid) is outside 1…\(SchemaV3Pull.maximumUID)")
        }
        let now = clock()
        return try writing { db in
            let holder = try UserRow.filter(UserRow.Columns.zkUID == Int64(user.uid)).fetchOne(db)
            if let holder, holder.pin != user.pin.rawValue {
                throw StoreError.conflict(
                    "ZK uid \(user.uid) belongs to PIN \(holder.pin), not to PIN \(user.pin): delete uid \(user.uid) first")
            }
            guard var row = try holder ?? UserRow.fetchOne(db, key: user.pin.rawValue) else {
                var row = UserRow(
                    pin: user.pin.rawValue, name: user.name, createdMilliseconds: now, updatedMilliseconds: now)
                row.apply(user)
                try row.insert(db)
                try AuditRow.record(
                    db, at: now, action: .userAdd, pin: user.pin, slot: nil,
                    detail: "name \"\(user.name)\", ZK uid \(user.uid)" + Self.extrasNote(user), actor: actor)
                return .added(uid: user.uid, pin: user.pin)
            }
            let changes = row.apply(user)
            guard !changes.isEmpty else { return .unchanged(uid: user.uid, pin: user.pin) }
            row.updatedMilliseconds = now
            try row.update(db)
            try AuditRow.record(
                db, at: now, action: .userUpdate, pin: user.pin, slot: nil, detail: changes.joined(separator: ", "),
                actor: actor)
            return .updated(uid: user.uid, pin: user.pin)
        }
    }

    /// Removes the user with ZK uid `uid` (DELETE_USER), with the effects of
    /// ``removeUser(pin:actor:)``: the finger slot moves to `orphan_slots` and a 'user-remove' line
    /// is audited with `actor`. Their punches stay in the journal.
    /// - Returns: nil when no user has this uid (nothing is written).
    public func removePullUser(uid: UInt16, actor: String) throws(StoreError) -> PullUserRemoval? {
        let now = clock()
        return try writing { db in
            guard let row = try UserRow.filter(UserRow.Columns.zkUID == Int64(uid)).fetchOne(db) else { return nil }
            let pin = try decodePIN(row.pin, table: UserRow.databaseTableName, key: "zk_uid \(uid)")
            let orphaned = try Self.deleteUser(db, pin: pin, at: now, actor: actor, context: "ZK uid \(uid) deleted")
            return PullUserRemoval(pin: pin, orphanedSlot: orphaned)
        }
    }

    /// Gives users without a uid the lowest free ones, in PIN order.
    private static func numberUnnumberedUsers(_ db: Database) throws {
        let pins = try String.fetchAll(db, sql: "SELECT pin FROM users WHERE zk_uid IS NULL")
            .sorted(by: SchemaV3Pull.pinPrecedes)
        var taken = Set(try Int64.fetchAll(db, sql: "SELECT zk_uid FROM users WHERE zk_uid IS NOT NULL"))
        var candidate: Int64 = 1
        for pin in pins {
            while taken.contains(candidate) { candidate += 1 }
            guard candidate <= SchemaV3Pull.maximumUID else { return }
            try db.execute(sql: "UPDATE users SET zk_uid = ? WHERE pin = ?", arguments: [candidate, pin])
            taken.insert(candidate)
        }
    }

    /// The audit note for a new user's ZK fields, when they are not the defaults.
    private static func extrasNote(_ user: PullUser) -> String {
        var notes: [String] = []
        if user.privilege != 0 { notes.append("privilege \(user.privilege)") }
        if !user.password.isEmpty { notes.append("password set") }
        if user.card != 0 { notes.append("card \(user.card)") }
        return notes.isEmpty ? "" : ", " + notes.joined(separator: ", ")
    }
}

extension UserRow {
    func pullUser() throws(StoreError) -> PullUser {
        let key = "pin \(pin)"
        func invalid(_ reason: String) -> StoreError { .invalidRow(table: Self.databaseTableName, key: key, reason: reason) }
        guard let zkUID, let uid = UInt16(exactly: zkUID), uid >= 1 else { throw invalid("zk_uid \(zkUID.map(String.init) ?? "NULL")") }
        guard let privilegeByte = UInt8(exactly: privilege) else { throw invalid("privilege \(privilege) is outside 0…255") }
        guard let cardNumber = UInt32(exactly: card) else { throw invalid("card \(card) is outside 0…4294967295") }
        return PullUser(
            uid: uid, pin: try decodePIN(pin, table: Self.databaseTableName, key: key), name: name, privilege: privilegeByte,
            password: password, card: cardNumber)
    }

    /// Copies a pull client's fields into the row and describes each change for the audit line
    /// (never the password itself).
    @discardableResult
    mutating func apply(_ user: PullUser) -> [String] {
        var changes: [String] = []
        let uid = Int64(user.uid)
        if zkUID != uid {
            changes.append("ZK uid \(zkUID.map(String.init) ?? "none") → \(uid)")
            zkUID = uid
        }
        var keptName = false
        if name != user.name {
            if Self.isCut(user.name, of: name) {
                keptName = true
            } else {
                changes.append("name \"\(name)\" → \"\(user.name)\"")
                name = user.name
            }
        }
        if privilege != Int64(user.privilege) {
            changes.append("privilege \(privilege) → \(user.privilege)")
            privilege = Int64(user.privilege)
        }
        if password != user.password {
            changes.append(user.password.isEmpty ? "password removed" : password.isEmpty ? "password set" : "password changed")
            password = user.password
        }
        if card != Int64(user.card) {
            changes.append("card \(card) → \(user.card)")
            card = Int64(user.card)
        }
        if keptName, !changes.isEmpty { changes.append("name \"\(name)\" kept (the client sent it cut short)") }
        return changes
    }

    /// True when `incoming` is `stored` cut to fit a ZK record's name field (24 bytes in the
    /// 72-byte record, 8 in the 28-byte one), on a character or a Unicode scalar boundary.
    static func isCut(_ incoming: String, of stored: String) -> Bool {
        [24, 8].contains { limit in
            stored.utf8.count > limit
                && (incoming == longestPrefix(of: stored, maxUTF8Bytes: limit, by: \.characterStrings)
                    || incoming == longestPrefix(of: stored, maxUTF8Bytes: limit, by: \.unicodeScalarStrings))
        }
    }

    /// The longest prefix of `text` made of whole units that fits in `maxUTF8Bytes`.
    private static func longestPrefix(of text: String, maxUTF8Bytes: Int, by units: (String) -> [String]) -> String {
        var result = ""
        var bytes = 0
        for unit in units(text) {
            bytes += unit.utf8.count
            guard bytes <= maxUTF8Bytes else { break }
            result += unit
        }
        return result
    }
}

extension String {
    fileprivate var characterStrings: [String] { map(String.init) }
    fileprivate var unicodeScalarStrings: [String] { unicodeScalars.map { String($0) } }
}
