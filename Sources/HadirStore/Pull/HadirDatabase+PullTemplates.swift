import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// The templates stored with finger slots (DB_RRQ templates), ordered by uid.
    ///
    /// Slots whose template was never read back from the module (NULL or empty), and users without
    /// a uid, are left out: a pull client can do nothing with them.
    public func pullTemplates() throws(StoreError) -> [PullTemplate] {
        let rows = try reading { db in
            try Row.fetchAll(
                db,
                sql: "SELECT u.zk_uid, f.pin, f.template \(Self.pullTemplatesFrom) ORDER BY u.zk_uid, f.slot")
        }
        var templates: [PullTemplate] = []
        templates.reserveCapacity(rows.count)
        for row in rows {
            let text: String = row[1]
            let key = "pin \(text)"
            let value: Int64 = row[0]
            guard let uid = UInt16(exactly: value) else {
                throw .invalidRow(table: UserRow.databaseTableName, key: key, reason: "zk_uid \(value)")
            }
            let template: Data = row[2]
            templates.append(
                PullTemplate(
                    uid: uid, pin: try decodePIN(text, table: FingerSlotRow.databaseTableName, key: key),
                    template: try openedTemplate(template, pin: text)))
        }
        return templates
    }

    /// How many templates ``pullTemplates()`` would return, counted in SQL (GET_FREE_SIZES runs
    /// twice per pyzk download and must not load every template to count them).
    public func pullTemplateCount() throws(StoreError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) \(Self.pullTemplatesFrom)") ?? 0 }
    }

    /// The rows both queries read: templates that exist, of users that have a ZK uid.
    private static let pullTemplatesFrom = """
        FROM finger_slots AS f JOIN users AS u ON u.pin = f.pin
        WHERE f.template IS NOT NULL AND length(f.template) > 0 AND u.zk_uid IS NOT NULL
        """
}
