import GRDB
import HadirCore

/// Faces follow the finger rules: one face per employee, one employee per face, and a face id the
/// module still holds but nobody owns waits in `orphan_faces` until the module deletes it.
///
/// The face module picks the id itself when an enrollment completes, so an interrupted enrollment
/// cannot be pre-marked like a finger slot. Instead the enrollment is flagged in `meta` before it
/// starts (``beginFaceEnrollment(pin:)``); a flag still set at the next connect means ids on the
/// module that nobody owns came from it and may be deleted.
extension HadirDatabase {
    static let faceEnrollmentKey = "face_enrollment_in_progress"

    /// Records the employee's face as module user id `faceID`, after the module stored it.
    ///
    /// Refuses ``StoreError/faceTaken(faceID:by:)`` for another employee's id and, without
    /// `replace`, ``StoreError/employeeAlreadyHasFace(faceID:)``. With `replace`, the old id moves
    /// to `orphan_faces`. An orphan with this id is claimed (the module reused it). Clears the
    /// in-progress flag in the same transaction. Audited as 'enroll-face' / 're-enroll-face'.
    @discardableResult
    public func assignFace(pin: EmployeePIN, faceID: UInt16, replace: Bool, actor: String) throws(StoreError) -> FaceAssignment {
        let now = clock()
        return try writing { db in
            guard try UserRow.exists(db, key: pin.rawValue) else { throw StoreError.unknownEmployee(pin) }
            if let owner = try String.fetchOne(db, sql: "SELECT pin FROM face_slots WHERE face_id = ?", arguments: [faceID]),
                owner != pin.rawValue
            {
                throw StoreError.faceTaken(faceID: faceID, by: try decodePIN(owner, table: "face_slots", key: "face id \(faceID)"))
            }
            let current = try Int64.fetchOne(db, sql: "SELECT face_id FROM face_slots WHERE pin = ?", arguments: [pin.rawValue])
            if let current, !replace, current != Int64(faceID) {
                throw StoreError.employeeAlreadyHasFace(faceID: try decodeSlot(current, table: "face_slots", key: "pin \(pin)"))
            }
            try db.execute(sql: "DELETE FROM orphan_faces WHERE face_id = ?", arguments: [faceID])
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Self.faceEnrollmentKey])
            guard let current else {
                try db.execute(
                    sql: "INSERT INTO face_slots (pin, face_id, enrolled_ms) VALUES (?, ?, ?)", arguments: [pin.rawValue, faceID, now])
                try AuditRow.record(db, at: now, action: .enrollFace, pin: pin, slot: faceID, detail: "face id \(faceID)", actor: actor)
                return FaceAssignment(pin: pin, faceID: faceID, replacedFaceID: nil)
            }
            try db.execute(
                sql: "UPDATE face_slots SET face_id = ?, enrolled_ms = ? WHERE pin = ?", arguments: [faceID, now, pin.rawValue])
            let old = try decodeSlot(current, table: "face_slots", key: "pin \(pin)")
            let replaced: UInt16? = old == faceID ? nil : old
            if let replaced {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO orphan_faces (face_id, reason, since_ms) VALUES (?, ?, ?)",
                    arguments: [replaced, "face of \(pin) re-enrolled as id \(faceID)", now])
            }
            try AuditRow.record(
                db, at: now, action: .reEnrollFace, pin: pin, slot: faceID, detail: "face id \(old) → face id \(faceID)", actor: actor)
            return FaceAssignment(pin: pin, faceID: faceID, replacedFaceID: replaced)
        }
    }

    /// Flags a face enrollment as under way (see the type's note); ``assignFace`` or
    /// ``endFaceEnrollment()`` clears it.
    public func beginFaceEnrollment(pin: EmployeePIN) throws(StoreError) {
        try setMeta(Self.faceEnrollmentKey, pin.rawValue)
    }

    /// Clears the in-progress flag: the enrollment ended without storing anything.
    public func endFaceEnrollment() throws(StoreError) {
        try setMeta(Self.faceEnrollmentKey, nil)
    }

    /// True when a face enrollment started and neither committed nor ended (power cut, crash).
    public func faceEnrollmentInterrupted() throws(StoreError) -> Bool {
        try meta(Self.faceEnrollmentKey) != nil
    }

    /// Marks face ids found on the module that nobody owns as orphans (after an interrupted
    /// enrollment), and clears the in-progress flag. Ids owned or already pending are left alone.
    public func orphanUnownedFaces(_ moduleIDs: [UInt16], reason: String) throws(StoreError) {
        let now = clock()
        try writing { db in
            for id in moduleIDs {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO orphan_faces (face_id, reason, since_ms)
                        SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM face_slots WHERE face_id = ?)
                        """,
                    arguments: [id, reason, now, id])
            }
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Self.faceEnrollmentKey])
        }
    }

    /// Removes the employee's face, audited as 'delete-face'; its id moves to `orphan_faces`.
    /// - Returns: The orphaned face id to delete from the module, or nil if there was no face.
    @discardableResult
    public func removeFace(pin: EmployeePIN, actor: String) throws(StoreError) -> UInt16? {
        let now = clock()
        return try writing { db in
            guard try UserRow.exists(db, key: pin.rawValue) else { throw StoreError.unknownEmployee(pin) }
            guard let orphaned = try Self.orphanFace(db, pin: pin, reason: "face of \(pin) deleted", at: now) else { return nil }
            try AuditRow.record(
                db, at: now, action: .deleteFace, pin: pin, slot: orphaned,
                detail: "face id \(orphaned) awaits deletion from the face module", actor: actor)
            return orphaned
        }
    }

    /// Moves the employee's face to `orphan_faces` within the caller's transaction.
    static func orphanFace(_ db: Database, pin: EmployeePIN, reason: String, at now: Int64) throws -> UInt16? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT face_id FROM face_slots WHERE pin = ?", arguments: [pin.rawValue]) else {
            return nil
        }
        try db.execute(sql: "DELETE FROM face_slots WHERE pin = ?", arguments: [pin.rawValue])
        try db.execute(
            sql: "INSERT OR IGNORE INTO orphan_faces (face_id, reason, since_ms) VALUES (?, ?, ?)", arguments: [id, reason, now])
        return try decodeSlot(id, table: "face_slots", key: "pin \(pin)")
    }

    /// The employee's face id, or nil.
    public func faceID(pin: EmployeePIN) throws(StoreError) -> UInt16? {
        let value = try reading { db in
            try Int64.fetchOne(db, sql: "SELECT face_id FROM face_slots WHERE pin = ?", arguments: [pin.rawValue])
        }
        return try value.map { value throws(StoreError) in try decodeSlot(value, table: "face_slots", key: "pin \(pin)") }
    }

    /// The employee who owns face module user id `faceID`, or nil.
    public func owner(ofFace faceID: UInt16) throws(StoreError) -> EmployeePIN? {
        let text = try reading { db in try String.fetchOne(db, sql: "SELECT pin FROM face_slots WHERE face_id = ?", arguments: [faceID]) }
        return try text.map { text throws(StoreError) in try decodePIN(text, table: "face_slots", key: "face id \(faceID)") }
    }

    /// Every employee's face, in face id order.
    public func faceEnrollments() throws(StoreError) -> [FaceEnrollment] {
        let rows = try reading { db in try Row.fetchAll(db, sql: "SELECT pin, face_id FROM face_slots ORDER BY face_id") }
        var faces: [FaceEnrollment] = []
        for row in rows {
            let pin: String = row["pin"]
            let id: Int64 = row["face_id"]
            faces.append(
                FaceEnrollment(
                    pin: try decodePIN(pin, table: "face_slots", key: "face id \(id)"),
                    faceID: try decodeSlot(id, table: "face_slots", key: "pin \(pin)")))
        }
        return faces
    }

    /// Face ids still to be deleted from the face module, ascending.
    public func orphanFaces() throws(StoreError) -> [UInt16] {
        let values = try reading { db in try Int64.fetchAll(db, sql: "SELECT face_id FROM orphan_faces ORDER BY face_id") }
        var ids: [UInt16] = []
        for value in values { ids.append(try decodeSlot(value, table: "orphan_faces", key: "face id \(value)")) }
        return ids
    }

    /// Forgets an orphan face after the module confirmed the delete, audited as 'orphan-face-cleared'.
    public func clearOrphanFace(_ faceID: UInt16, actor: String) throws(StoreError) {
        let now = clock()
        try writing { db in
            try db.execute(sql: "DELETE FROM orphan_faces WHERE face_id = ?", arguments: [faceID])
            guard db.changesCount > 0 else { return }
            try AuditRow.record(
                db, at: now, action: .orphanFaceCleared, pin: nil, slot: faceID, detail: "face id \(faceID) deleted from the face module",
                actor: actor)
        }
    }
}
