import Foundation
import GRDB
import HadirCore

/// Reads a damaged (quarantined) database row by row, so a bad page costs only the rows on it.
///
/// SQLite's `.recover` is a feature of the shell, not a library call, and a table scan stops at
/// the first bad page. So each journal seq is looked up by key — a B-tree descent that touches
/// only the pages on its path — and failures are counted and skipped. A punch is kept only when
/// its stored hash matches its contents: what is re-appended is exactly what was recorded, never
/// a row with flipped bits. The file is opened read-only: the evidence is not changed. When the
/// schema page itself is destroyed nothing can be read, and the error says so.
public enum DamagedDatabaseReader {
    /// Seqs (and row ids) probed past the highest one known, where the end of a table was lost.
    static let probesPastEnd: Int64 = 1_000

    /// Everything readable in the file at `path`.
    public static func read(path: String) throws(StoreError) -> DamagedDatabaseContents {
        guard FileManager.default.fileExists(atPath: path) else { throw .cannotOpen(path: path, reason: "no such file") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "hadir.damaged"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            // No enclosing transaction: SQLite may abort one on a corruption error, and each lookup
            // must stand on its own.
            return try queue.inDatabase { db in
                var contents = DamagedDatabaseContents()
                try readPunches(db, into: &contents)
                readUsers(db, into: &contents)
                readFingers(db, into: &contents)
                return contents
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    static func readPunches(_ db: Database, into contents: inout DamagedDatabaseContents) throws {
        // The highest seq the file still knows of; rows below it that cannot be read are lost. The
        // time index holds every seq too, so a lost last page of the table still leaves a trace.
        var known: Int64 = 0
        for sql in [
            "SELECT max(seq) FROM journal", "SELECT max(seq) FROM journal_checkpoints",
            "SELECT seq FROM journal INDEXED BY journal_by_time ORDER BY seq DESC LIMIT 1",
        ] {
            if let value = try? Int64.fetchOne(db, sql: sql) { known = max(known, value) }
        }
        let statement = try db.makeStatement(sql: "SELECT * FROM journal WHERE seq = ?")
        var lastRead: Int64 = 0
        var seq: Int64 = 1
        while seq <= known || seq <= lastRead + probesPastEnd {
            defer { seq += 1 }
            let row: Row?
            do {
                row = try Row.fetchOne(statement, arguments: [seq])
            } catch {
                contents.note("journal seq \(seq): \(error)")
                continue
            }
            guard let row else { continue }
            lastRead = seq
            if let punch = intactPunch(row, seq: seq) {
                contents.punches.append(punch)
            } else {
                contents.note("journal seq \(seq): contents do not match the stored hash")
            }
        }
        contents.unreadablePunches = Int(max(known, lastRead)) - contents.punches.count
    }

    /// The punch in `row` when every value is valid and the hash covers exactly these contents.
    static func intactPunch(_ row: Row, seq: Int64) -> Punch? {
        guard let stored = try? JournalRow(row: row), stored.seq == seq, let punch = try? stored.punch() else { return nil }
        let expected = PunchChain.hash(punch.draft, seq: punch.seq, previousHash: punch.previousHash)
        return expected == punch.hash ? punch : nil
    }

    static func readUsers(_ db: Database, into contents: inout DamagedDatabaseContents) {
        for row in readableRows(db, table: "users", into: &contents) {
            guard let user = try? UserRow(row: row), let employee = try? user.employee() else {
                contents.unreadableRows += 1
                contents.note("users: a row with invalid values")
                continue
            }
            contents.users.append(employee)
        }
    }

    static func readFingers(_ db: Database, into contents: inout DamagedDatabaseContents) {
        for row in readableRows(db, table: "finger_slots", into: &contents) {
            guard let stored = try? FingerSlotRow(row: row), let slot = try? stored.fingerSlot() else {
                contents.unreadableRows += 1
                contents.note("finger_slots: a row with invalid values")
                continue
            }
            contents.fingers.append(SalvagedFinger(pin: slot.pin, slot: slot.slot, template: stored.template.map { [UInt8]($0) }))
        }
    }

    /// Every readable row of `table`: one scan when the table is whole, else row id by row id
    /// (rows that fail to read are counted as lost).
    static func readableRows(_ db: Database, table: String, into contents: inout DamagedDatabaseContents) -> [Row] {
        if let rows = try? Row.fetchAll(db, sql: "SELECT * FROM \(table)") { return rows }
        let known = (try? Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)")) ?? 0
        guard let statement = try? db.makeStatement(sql: "SELECT * FROM \(table) WHERE rowid = ?") else {
            contents.note("\(table): the table cannot be read")
            return []
        }
        var rows: [Row] = []
        var lastRead: Int64 = 0
        var rowID: Int64 = 1
        while rowID <= known || rowID <= lastRead + probesPastEnd {
            defer { rowID += 1 }
            do {
                guard let row = try Row.fetchOne(statement, arguments: [rowID]) else { continue }
                lastRead = rowID
                rows.append(row)
            } catch {
                // Deleted rows leave gaps too, so only errors count as lost.
                contents.unreadableRows += 1
                contents.note("\(table) row \(rowID): \(error)")
            }
        }
        return rows
    }
}
