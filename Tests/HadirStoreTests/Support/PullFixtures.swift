import Foundation
import GRDB
import HadirCore

@testable import HadirStore

/// Appends `count` punches (seq continues from the journal's tip), spread over employees and time.
func appendPunches(_ database: HadirDatabase, count: Int, batch: Int = 5000) throws {
    var start = try database.lastPunch()?.seq ?? 0
    var left = count
    while left > 0 {
        let size = min(batch, left)
        let drafts = try (0..<size).map { index in
            let n = start + Int64(index)
            return try draft(pin: "\(1000 + n % 300)", offset: n)
        }
        try database.append(contentsOf: drafts)
        start += Int64(size)
        left -= size
    }
}

/// Creates a database at `path` migrated only through "v2-uplink" (an older hadird's file), runs
/// `setup` on it, and closes it. Opening it with ``HadirDatabase/open(path:readOnly:clock:)`` then
/// runs "v3-pull" on data that existed before.
func makeV2Database(at path: String, setup: (Database) throws -> Void) throws {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: SchemaV1.create)
    migrator.registerMigration("v2-uplink", migrate: SchemaV2Uplink.create)
    let queue = try DatabaseQueue(path: path)
    try migrator.migrate(queue)
    try queue.write(setup)
    try queue.close()
}

/// Appends sealed punches straight through SQL, as an older hadird would have.
func insertRawPunches(_ db: Database, count: Int) throws {
    var previous = PunchChain.genesis
    for seq in 1...Int64(count) {
        let punch = PunchChain.seal(try draft(offset: seq), seq: seq, previousHash: previous)
        try JournalRow(punch).insert(db)
        previous = punch.hash
    }
}
