import GRDB

/// Migration "v1": the first schema. All tables are STRICT so a hand edit cannot slip a text
/// into a number column.
enum SchemaV1 {
    static func create(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(Migrations.applicationID)")
        try createJournal(db)
        try createUsersAndFingers(db)
        try createAuditLog(db)
        try createScanEvents(db)
        try db.create(table: "meta", options: .strict) { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
    }

    /// The append-only punch journal. Its triggers make SQLite itself refuse edits, deletions,
    /// gaps and unlinked rows, whatever program writes to the file.
    private static func createJournal(_ db: Database) throws {
        try db.create(table: "journal", options: .strict) { t in
            t.primaryKey("seq", .integer).check { $0 >= 1 }
            t.column("device_serial", .text).notNull()
            t.column("pin", .text).notNull()
            t.column("utc_ms", .integer).notNull()
            t.column("zone_offset_s", .integer).notNull()
            t.column("monotonic_ns", .integer).notNull()
            t.column("boot_id", .text).notNull()
            t.column("clock_quality", .text).notNull()
            t.column("verify", .integer).notNull().check { $0 >= 0 && $0 <= 255 }
            t.column("state", .integer).notNull().check { $0 >= 0 && $0 <= 255 }
            t.column("classification", .text).notNull()
            t.column("corrects_seq", .integer)
            t.column("prev_hash", .blob).notNull().check(sql: "length(prev_hash) = 32")
            t.column("hash", .blob).notNull().check(sql: "length(hash) = 32")
            t.check(sql: "corrects_seq IS NULL OR (corrects_seq >= 1 AND corrects_seq < seq)")
        }
        try db.create(index: "journal_by_pin_time", on: "journal", columns: ["pin", "utc_ms"])
        try db.create(index: "journal_by_time", on: "journal", columns: ["utc_ms"])
        try db.execute(
            sql: """
                CREATE INDEX journal_by_corrected ON journal(corrects_seq) WHERE corrects_seq IS NOT NULL;

                CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

                CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
                BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

                -- Also closes INSERT OR REPLACE, which deletes without firing delete triggers.
                CREATE TRIGGER journal_append_in_order BEFORE INSERT ON journal
                WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM journal)
                  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM journal WHERE seq = NEW.seq - 1), zeroblob(32))
                BEGIN SELECT RAISE(ABORT, 'journal is append-only: a row must take the next seq and link to the last hash'); END;
                """)
    }

    /// Users, their one finger slot, and slots waiting to be deleted from the module.
    private static func createUsersAndFingers(_ db: Database) throws {
        try db.create(table: "users", options: .strict) { t in
            t.primaryKey("pin", .text)
            t.column("name", .text).notNull()
            t.column("created_ms", .integer).notNull()
            t.column("updated_ms", .integer).notNull()
        }
        try db.create(table: "finger_slots", options: .strict) { t in
            t.column("pin", .text).notNull().unique().references("users", column: "pin")
            t.column("slot", .integer).notNull().unique().check { $0 >= 0 && $0 <= 65535 }
            t.column("template", .blob)
            t.column("enrolled_ms", .integer).notNull()
        }
        try db.create(table: "orphan_slots", options: .strict) { t in
            t.primaryKey("slot", .integer).check { $0 >= 0 && $0 <= 65535 }
            t.column("reason", .text).notNull()
            t.column("since_ms", .integer).notNull()
        }
        // A slot is either an employee's or pending deletion on the module, never both: taking
        // a pending slot must drop its orphan row in the same transaction, or the later
        // DeletChar would wipe the new template.
        try db.execute(
            sql: """
                CREATE TRIGGER finger_slot_not_orphan_insert BEFORE INSERT ON finger_slots
                WHEN EXISTS (SELECT 1 FROM orphan_slots WHERE slot = NEW.slot)
                BEGIN SELECT RAISE(ABORT, 'slot is waiting to be deleted from the scanner module'); END;

                CREATE TRIGGER finger_slot_not_orphan_update BEFORE UPDATE OF slot ON finger_slots
                WHEN EXISTS (SELECT 1 FROM orphan_slots WHERE slot = NEW.slot)
                BEGIN SELECT RAISE(ABORT, 'slot is waiting to be deleted from the scanner module'); END;

                CREATE TRIGGER orphan_slot_not_owned BEFORE INSERT ON orphan_slots
                WHEN EXISTS (SELECT 1 FROM finger_slots WHERE slot = NEW.slot)
                BEGIN SELECT RAISE(ABORT, 'slot still belongs to an employee'); END;
                """)
    }

    /// The technician's audit trail: append-only like the journal.
    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "audit_log", options: .strict) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at_ms", .integer).notNull()
            t.column("action", .text).notNull()
            t.column("pin", .text)
            t.column("slot", .integer).check { $0 >= 0 && $0 <= 65535 }
            t.column("detail", .text).notNull().defaults(to: "")
            t.column("actor", .text).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """)
    }

    /// Scans that are not punches (unknown finger, repeat, scanner faults) but must be kept.
    private static func createScanEvents(_ db: Database) throws {
        try db.create(table: "scan_events", options: .strict) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at_ms", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("pin", .text)
            t.column("slot", .integer).check { $0 >= 0 && $0 <= 65535 }
            t.column("detail", .text).notNull().defaults(to: "")
        }
    }
}
