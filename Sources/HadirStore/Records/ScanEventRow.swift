import GRDB

/// One row of `scan_events`.
struct ScanEventRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "scan_events"

    var id: Int64?
    var atMilliseconds: Int64
    var kind: String
    var pin: String?
    var slot: Int64?
    var detail: String

    enum CodingKeys: String, CodingKey {
        case id
        case atMilliseconds = "at_ms"
        case kind
        case pin
        case slot
        case detail
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
