import GRDB

/// Migration "v5-checkpoints": signed journal checkpoints (issue 7).
///
/// `journal_checkpoints` holds the device key's Ed25519 signature over (serial, seq, chain hash)
/// every N punches and at shutdown. Append-only like the journal: a removed or edited checkpoint
/// is itself evidence, and a checkpoint must name a punch that exists with the hash it signs.
enum SchemaV5Checkpoints {
    static func create(_ db: Database) throws {
        try db.create(table: "journal_checkpoints", options: .strict) { t in
            t.primaryKey("seq", .integer).references("journal", column: "seq")
            t.column("device_serial", .text).notNull()
            t.column("chain_hash", .blob).notNull().check(sql: "length(chain_hash) = 32")
            t.column("signature", .blob).notNull().check(sql: "length(signature) = 64")
            t.column("signed_ms", .integer).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER journal_checkpoint_no_update BEFORE UPDATE ON journal_checkpoints
                BEGIN SELECT RAISE(ABORT, 'journal checkpoints are append-only'); END;

                CREATE TRIGGER journal_checkpoint_no_delete BEFORE DELETE ON journal_checkpoints
                BEGIN SELECT RAISE(ABORT, 'journal checkpoints are append-only'); END;

                CREATE TRIGGER journal_checkpoint_matches_punch BEFORE INSERT ON journal_checkpoints
                WHEN NEW.chain_hash IS NOT (SELECT hash FROM journal WHERE seq = NEW.seq)
                BEGIN SELECT RAISE(ABORT, 'a checkpoint must sign the hash of an existing punch'); END;
                """)
    }
}
