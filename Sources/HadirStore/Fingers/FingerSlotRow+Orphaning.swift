import GRDB
import HadirCore

extension FingerSlotRow {
    /// Moves the employee's finger slot to `orphan_slots` (within the caller's transaction).
    ///
    /// A legacy database may hold several rows for one employee: all are orphaned, and the
    /// lowest slot is returned.
    /// - Returns: The orphaned slot, or nil when the employee had no finger.
    static func orphanFinger(_ db: Database, pin: EmployeePIN, reason: String, at now: Int64) throws -> UInt16? {
        let rows = try FingerSlotRow.filter(Columns.pin == pin.rawValue).order(Columns.slot).fetchAll(db)
        var slots: [UInt16] = []
        for row in rows { slots.append(try decodeSlot(row.slot, table: databaseTableName, key: "pin \(pin)")) }
        _ = try FingerSlotRow.filter(Columns.pin == pin.rawValue).deleteAll(db)
        for slot in slots {
            try OrphanSlotRow(slot: Int64(slot), reason: reason, sinceMilliseconds: now).insert(db, onConflict: .ignore)
        }
        return slots.first
    }
}
