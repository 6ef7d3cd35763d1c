import GRDB

/// Migration "v3-pull": what the ZK pull server (port 4370) needs.
///
/// - `users` gains the ZK user record's fields: `zk_uid` (the device-internal user number pull
///   clients address users by, unique, 1…32767), `privilege`, `password` and `card`. Existing
///   users get uids 1, 2, 3… in PIN order, so the numbering is reproducible.
/// - `pull_clears` archives every clear of the device log: which journal rows a clear hid from
///   device views. It is append-only like `audit_log`; the journal rows themselves are never
///   deleted (decision 0006).
enum SchemaV3Pull {
    /// The highest uid a ZK user record can carry (pyzk packs it as a signed int16).
    static let maximumUID: Int64 = 32_767

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE users ADD COLUMN zk_uid INTEGER CHECK (zk_uid BETWEEN 1 AND 32767);
                ALTER TABLE users ADD COLUMN privilege INTEGER NOT NULL DEFAULT 0 CHECK (privilege BETWEEN 0 AND 255);
                ALTER TABLE users ADD COLUMN password TEXT NOT NULL DEFAULT '';
                ALTER TABLE users ADD COLUMN card INTEGER NOT NULL DEFAULT 0 CHECK (card BETWEEN 0 AND 4294967295);
                """)
        try numberExistingUsers(db)
        try db.execute(sql: "CREATE UNIQUE INDEX users_by_zk_uid ON users(zk_uid)")
        try createPullClears(db)
        try archiveEarlierClear(db)
    }

    /// Uids 1, 2, 3… in the order `users()` lists employees (numeric PINs numerically).
    private static func numberExistingUsers(_ db: Database) throws {
        let pins = try String.fetchAll(db, sql: "SELECT pin FROM users").sorted(by: pinPrecedes)
        for (index, pin) in pins.prefix(Int(maximumUID)).enumerated() {
            try db.execute(sql: "UPDATE users SET zk_uid = ? WHERE pin = ?", arguments: [index + 1, pin])
        }
    }

    private static func createPullClears(_ db: Database) throws {
        try db.create(table: "pull_clears", options: .strict) { t in
            t.primaryKey("id", .integer)
            t.column("at_ms", .integer).notNull()
            t.column("peer", .text).notNull()
            // Exclusive: the watermark before the clear.
            t.column("from_seq", .integer).notNull().check { $0 >= 0 }
            t.column("through_seq", .integer).notNull()
            t.column("cleared", .integer).notNull().check { $0 >= 0 }
            t.column("remaining", .integer).notNull().check { $0 >= 0 }
            t.column("actor", .text).notNull()
            t.check(sql: "through_seq >= from_seq")
        }
        try db.execute(
            sql: """
                CREATE TRIGGER pull_clears_no_update BEFORE UPDATE ON pull_clears
                BEGIN SELECT RAISE(ABORT, 'pull_clears is append-only'); END;

                CREATE TRIGGER pull_clears_no_delete BEFORE DELETE ON pull_clears
                BEGIN SELECT RAISE(ABORT, 'pull_clears is append-only'); END;
                """)
    }

    /// A watermark moved by an uplink CLEAR LOG before this migration gets one archive row, so the
    /// archive covers every hidden punch. Its time is the last 'clear-log' audit row's.
    private static func archiveEarlierClear(_ db: Database) throws {
        let watermark =
            Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'log_cleared_through_seq'") ?? "") ?? 0
        guard watermark > 0 else { return }
        let cleared = try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE seq <= ?", arguments: [watermark]) ?? 0
        let remaining = try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE seq > ?", arguments: [watermark]) ?? 0
        let lastClear = try Int64.fetchOne(db, sql: "SELECT max(at_ms) FROM audit_log WHERE action = 'clear-log'")
        try db.execute(
            sql: """
                INSERT INTO pull_clears (at_ms, peer, from_seq, through_seq, cleared, remaining, actor)
                VALUES (?, 'uplink', 0, ?, ?, ?, 'migration v3-pull')
                """,
            arguments: [lastClear ?? HadirDatabase.systemMilliseconds(), watermark, cleared, remaining])
    }

    /// `EmployeePIN`'s order on raw text: numeric PINs numerically, others as text. Works on rows a
    /// hand edit made invalid too, so a migration never fails on them.
    static func pinPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        func isNumeric(_ text: String) -> Bool { text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        if lhs.utf8.count != rhs.utf8.count, isNumeric(lhs), isNumeric(rhs) {
            return lhs.utf8.count < rhs.utf8.count
        }
        return lhs < rhs
    }
}
