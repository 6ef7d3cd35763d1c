import GRDB

/// One row of `meta`: a small key/value setting (device serial, cursors, …).
struct MetaRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"

    var key: String
    var value: String
}
