import GRDB
import HadirCore

extension AuditRow {
    /// Appends one audit line within the caller's transaction.
    static func record(
        _ db: Database, at now: Int64, action: AuditAction, pin: EmployeePIN?, slot: UInt16?, detail: String,
        actor: String
    ) throws {
        var row = AuditRow(
            id: nil, atMilliseconds: now, action: action.rawValue, pin: pin?.rawValue, slot: slot.map(Int64.init),
            detail: detail, actor: actor)
        try row.insert(db)
    }

    func entry() throws(StoreError) -> AuditEntry {
        let key = "id \(id.map(String.init) ?? "?")"
        return AuditEntry(
            id: id ?? 0, atMilliseconds: atMilliseconds, action: AuditAction(rawValue: action),
            pin: try pin.map { text throws(StoreError) in try decodePIN(text, table: Self.databaseTableName, key: key)
            },
            slot: try slot.map { value throws(StoreError) in
                try decodeSlot(value, table: Self.databaseTableName, key: key)
            },
            detail: detail, actor: actor)
    }
}
