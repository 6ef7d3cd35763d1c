import GRDB

/// One row of `audit_log`.
struct AuditRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_log"

    var id: Int64?
    var atMilliseconds: Int64
    var action: String
    var pin: String?
    var slot: Int64?
    var detail: String
    var actor: String

    enum CodingKeys: String, CodingKey {
        case id
        case atMilliseconds = "at_ms"
        case action
        case pin
        case slot
        case detail
        case actor
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
