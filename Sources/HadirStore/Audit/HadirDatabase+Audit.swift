import GRDB
import HadirCore

extension HadirDatabase {
    /// Appends a line to the audit trail on its own, e.g. an 'enroll-refused' with the reason.
    public func recordAudit(
        action: AuditAction, pin: EmployeePIN? = nil, slot: UInt16? = nil, detail: String = "", actor: String
    ) throws(StoreError) {
        let now = clock()
        try writing { db in
            try AuditRow.record(db, at: now, action: action, pin: pin, slot: slot, detail: detail, actor: actor)
        }
    }

    /// The newest `limit` audit lines, newest first.
    public func auditLog(limit: Int = 100) throws(StoreError) -> [AuditEntry] {
        let rows = try reading { db in
            try AuditRow.order(AuditRow.Columns.id.desc).limit(max(0, limit)).fetchAll(db)
        }
        var entries: [AuditEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows { entries.append(try row.entry()) }
        return entries
    }
}
