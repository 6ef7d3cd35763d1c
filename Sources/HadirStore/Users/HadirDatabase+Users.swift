import GRDB
import HadirCore

extension HadirDatabase {
    /// Adds the employee or renames an existing one, audited as 'user-add' or 'user-update'.
    @discardableResult
    public func upsertUser(_ employee: Employee, actor: String) throws(StoreError) -> UserChange {
        let now = clock()
        return try writing { db in
            if var row = try UserRow.fetchOne(db, key: employee.pin.rawValue) {
                guard row.name != employee.name else { return .unchanged }
                let previousName = row.name
                row.name = employee.name
                row.updatedMilliseconds = now
                try row.update(db)
                try AuditRow.record(
                    db, at: now, action: .userUpdate, pin: employee.pin, slot: nil,
                    detail: "name \"\(previousName)\" → \"\(employee.name)\"", actor: actor)
                return .updated(previousName: previousName)
            }
            // The pull protocol addresses users by uid: give one now, in the same transaction.
            let uid = try UserRow.lowestFreeUID(db)
            try UserRow(
                pin: employee.pin.rawValue, name: employee.name, createdMilliseconds: now, updatedMilliseconds: now,
                zkUID: uid
            )
            .insert(db)
            let uidNote = uid.map { ", ZK uid \($0)" } ?? ", no free ZK uid"
            try AuditRow.record(
                db, at: now, action: .userAdd, pin: employee.pin, slot: nil,
                detail: "name \"\(employee.name)\"\(uidNote)", actor: actor)
            return .added
        }
    }

    /// The employee with this PIN, or nil.
    public func user(pin: EmployeePIN) throws(StoreError) -> Employee? {
        try reading { db in try UserRow.fetchOne(db, key: pin.rawValue) }?.employee()
    }

    /// All employees, in PIN order (numeric PINs numerically).
    public func users() throws(StoreError) -> [Employee] {
        let rows = try reading { db in try UserRow.fetchAll(db) }
        var employees: [Employee] = []
        employees.reserveCapacity(rows.count)
        for row in rows { employees.append(try row.employee()) }
        return employees.sorted { $0.pin < $1.pin }
    }

    /// Removes the employee, audited as 'user-remove'. Their punches stay in the journal.
    ///
    /// In the same transaction their finger slot moves to `orphan_slots` and their face to
    /// `orphan_faces`, so both are deleted from the modules later even if power is cut right after
    /// this commit.
    /// - Returns: The orphaned module slot, if the employee had a finger.
    @discardableResult
    public func removeUser(pin: EmployeePIN, actor: String) throws(StoreError) -> UInt16? {
        let now = clock()
        return try writing { db in
            guard try UserRow.exists(db, key: pin.rawValue) else { throw StoreError.unknownEmployee(pin) }
            return try Self.deleteUser(db, pin: pin, at: now, actor: actor, context: nil)
        }
    }

    /// Removes the user row within the caller's transaction: finger slot to `orphan_slots`, then
    /// the row, then the 'user-remove' audit line (`context` is prefixed to its detail).
    static func deleteUser(_ db: Database, pin: EmployeePIN, at now: Int64, actor: String, context: String?) throws
        -> UInt16?
    {
        let orphaned = try FingerSlotRow.orphanFinger(db, pin: pin, reason: "employee \(pin) removed", at: now)
        let orphanedFace = try orphanFace(db, pin: pin, reason: "employee \(pin) removed", at: now)
        _ = try UserRow.deleteOne(db, key: pin.rawValue)
        var detail = orphaned.map { "slot \($0) awaits deletion from the module" } ?? "no finger enrolled"
        if let orphanedFace { detail += "; face id \(orphanedFace) awaits deletion from the face module" }
        try AuditRow.record(
            db, at: now, action: .userRemove, pin: pin, slot: orphaned,
            detail: context.map { "\($0): \(detail)" } ?? detail, actor: actor)
        return orphaned
    }
}

extension UserRow {
    /// The lowest ZK uid no user holds, or nil when all of 1…32767 are taken.
    static func lowestFreeUID(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT CASE
                    WHEN NOT EXISTS (SELECT 1 FROM users WHERE zk_uid = 1) THEN 1
                    ELSE (SELECT min(u.zk_uid) + 1 FROM users AS u
                          WHERE u.zk_uid < ? AND NOT EXISTS (SELECT 1 FROM users AS v WHERE v.zk_uid = u.zk_uid + 1))
                END
                """,
            arguments: [SchemaV3Pull.maximumUID])
    }
}
