import GRDB

/// One row of `orphan_slots`: a module slot whose template must still be deleted (DeletChar).
struct OrphanSlotRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "orphan_slots"

    var slot: Int64
    var reason: String
    var sinceMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case slot
        case reason
        case sinceMilliseconds = "since_ms"
    }

    enum Columns {
        static let slot = Column(CodingKeys.slot)
    }
}
