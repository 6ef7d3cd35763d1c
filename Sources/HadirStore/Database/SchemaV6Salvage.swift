import GRDB

/// Migration "v6-salvage": where a salvaged punch came from (issue 7, disk faults).
///
/// `hadirctl recover` re-appends the readable punches of a quarantined database as new journal
/// rows. The journal row itself stays an ordinary punch (every consumer — uplink, pull, reports,
/// the chain's canonical bytes — reads it unchanged); this side table, written in the same
/// transaction, says which file, original seq and original hash it was copied from. The unique
/// original hash makes a second recover of the same file add nothing. Append-only like the journal.
enum SchemaV6Salvage {
    static func create(_ db: Database) throws {
        try db.create(table: "salvaged_punches", options: .strict) { t in
            t.primaryKey("seq", .integer).references("journal", column: "seq")
            t.column("source_file", .text).notNull()
            t.column("original_seq", .integer).notNull()
            t.column("original_hash", .blob).notNull().unique().check(sql: "length(original_hash) = 32")
            t.column("original_corrects_seq", .integer)
            t.column("salvaged_ms", .integer).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER salvaged_punch_no_update BEFORE UPDATE ON salvaged_punches
                BEGIN SELECT RAISE(ABORT, 'salvaged_punches is append-only'); END;

                CREATE TRIGGER salvaged_punch_no_delete BEFORE DELETE ON salvaged_punches
                BEGIN SELECT RAISE(ABORT, 'salvaged_punches is append-only'); END;
                """)
    }
}
