import GRDB

/// Migration "v2": the uplink's durable state — one cursor per server, quarantined punches, and
/// processed server commands with their results (so a re-sent CmdID is answered, not re-run).
enum SchemaV2Uplink {
    static func create(_ db: Database) throws {
        try db.create(table: "uplink_servers", options: .strict) { t in
            t.primaryKey("server", .text)
            // Outbox cursor: every seq <= acked_seq was explicitly acknowledged by this server.
            t.column("acked_seq", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("last_success_ms", .integer)
            t.column("last_error", .text)
            t.column("last_error_ms", .integer)
            t.column("last_handshake_ms", .integer)
            t.column("clock_drift_ms", .integer)
        }
        try db.create(table: "uplink_quarantine", options: .strict) { t in
            t.column("server", .text).notNull().references("uplink_servers", column: "server")
            t.column("seq", .integer).notNull().check { $0 >= 1 }
            t.column("reason", .text).notNull()
            t.column("tries", .integer).notNull()
            t.column("since_ms", .integer).notNull()
            t.primaryKey(["server", "seq"])
        }
        try db.create(table: "uplink_commands", options: .strict) { t in
            t.column("server", .text).notNull().references("uplink_servers", column: "server")
            t.column("cmd_id", .text).notNull()
            t.column("command", .text).notNull()
            t.column("return_code", .integer).notNull()
            // The devicecmd result line(s), sent again verbatim if the server repeats the CmdID.
            t.column("result", .text).notNull()
            t.column("received_ms", .integer).notNull()
            t.column("reported_ms", .integer)
            t.primaryKey(["server", "cmd_id"])
        }
        try db.create(index: "uplink_commands_unreported", on: "uplink_commands", columns: ["server", "reported_ms"])
    }
}
