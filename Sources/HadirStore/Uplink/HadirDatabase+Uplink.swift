import GRDB
import HadirCore

extension HadirDatabase {
    /// The server's state; a server never written to yet is at cursor 0. A pure read, so status and
    /// read-only tools can call it.
    public func uplinkState(server: String) throws(StoreError) -> UplinkServerState {
        try reading { db in try Self.fetchUplinkState(db, server: server) }
    }

    /// Every configured server's state, for status.
    public func uplinkStates() throws(StoreError) -> [UplinkServerState] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT server FROM uplink_servers ORDER BY server").map {
                try Self.fetchUplinkState(db, server: $0)
            }
        }
    }

    /// Moves the cursor after an explicit OK (or a replay/rewind the server asked for).
    public func setAckedSeq(server: String, seq: Int64, atMilliseconds: Int64?) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT OR IGNORE INTO uplink_servers (server) VALUES (?)", arguments: [server])
            try db.execute(
                sql: "UPDATE uplink_servers SET acked_seq = ?, last_success_ms = coalesce(?, last_success_ms) WHERE server = ?",
                arguments: [max(0, seq), atMilliseconds, server])
        }
    }

    /// Records a failed exchange with its reason, for status.
    public func recordUplinkError(server: String, reason: String, atMilliseconds: Int64) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT OR IGNORE INTO uplink_servers (server) VALUES (?)", arguments: [server])
            try db.execute(
                sql: "UPDATE uplink_servers SET last_error = ?, last_error_ms = ? WHERE server = ?",
                arguments: [String(reason.prefix(500)), atMilliseconds, server])
        }
    }

    /// Records a successful handshake and the clock drift it measured (nil when the Date header was not trustworthy).
    public func recordHandshake(server: String, atMilliseconds: Int64, clockDriftMilliseconds: Int64?) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT OR IGNORE INTO uplink_servers (server) VALUES (?)", arguments: [server])
            try db.execute(
                sql: """
                    UPDATE uplink_servers SET last_handshake_ms = ?, clock_drift_ms = coalesce(?, clock_drift_ms)
                    WHERE server = ?
                    """,
                arguments: [atMilliseconds, clockDriftMilliseconds, server])
        }
    }

    /// Punches not yet acknowledged by `server` (quarantined ones count: they are not delivered).
    public func uplinkBacklog(server: String) throws(StoreError) -> UplinkBacklog {
        try reading { db in
            let acked = try Int64.fetchOne(db, sql: "SELECT acked_seq FROM uplink_servers WHERE server = ?", arguments: [server]) ?? 0
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS n, min(utc_ms) AS oldest FROM journal
                    WHERE seq > ? OR seq IN (SELECT seq FROM uplink_quarantine WHERE server = ?)
                    """,
                arguments: [acked, server])
            return UplinkBacklog(count: row?["n"] ?? 0, oldestUTCMilliseconds: row?["oldest"])
        }
    }

    /// The lowest cursor over all `servers`: punches at or below it reached every one of them.
    public func ackedByAll(servers: [String]) throws(StoreError) -> Int64 {
        guard !servers.isEmpty else { return 0 }
        return try servers.map { (server) throws(StoreError) -> Int64 in try uplinkState(server: server).ackedSeq }.min() ?? 0
    }

    /// The highest seq a clear of the device log may reach: the lowest `acked_seq` over `servers`,
    /// and just below the lowest quarantined seq of any of them (a quarantined punch sits behind its
    /// server's cursor but was never delivered). A server never seen is at 0.
    ///
    /// `Int64.max` when `servers` is empty: without an uplink, the pull client is the central server
    /// and may clear whatever it downloaded.
    public func clearableThroughSeq(servers: [String]) throws(StoreError) -> Int64 {
        try reading { db in try Self.clearableThroughSeq(db, servers: servers) }
    }

    /// ``clearableThroughSeq(servers:)`` within the caller's transaction.
    static func clearableThroughSeq(_ db: Database, servers: [String]) throws -> Int64 {
        var bound = Int64.max
        for server in Set(servers) {
            let acked = try Int64.fetchOne(db, sql: "SELECT acked_seq FROM uplink_servers WHERE server = ?", arguments: [server]) ?? 0
            bound = min(bound, acked)
            if let quarantined = try Int64.fetchOne(
                db, sql: "SELECT min(seq) FROM uplink_quarantine WHERE server = ?", arguments: [server])
            {
                bound = min(bound, quarantined - 1)
            }
        }
        return max(0, bound)
    }

    /// Sets a punch aside for `server` after it kept refusing it.
    public func quarantinePunch(server: String, seq: Int64, reason: String, tries: Int, atMilliseconds: Int64) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT OR IGNORE INTO uplink_servers (server) VALUES (?)", arguments: [server])
            try db.execute(
                sql: """
                    INSERT INTO uplink_quarantine (server, seq, reason, tries, since_ms) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(server, seq) DO UPDATE SET reason = excluded.reason, tries = excluded.tries
                    """,
                arguments: [server, seq, String(reason.prefix(500)), tries, atMilliseconds])
        }
    }

    /// Punches quarantined for `server`, in seq order.
    public func quarantinedPunches(server: String) throws(StoreError) -> [QuarantinedPunch] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, reason, tries, since_ms FROM uplink_quarantine WHERE server = ? ORDER BY seq",
                arguments: [server]
            ).map {
                QuarantinedPunch(
                    server: server, seq: $0["seq"], reason: $0["reason"], tries: $0["tries"], sinceMilliseconds: $0["since_ms"])
            }
        }
    }

    /// The stored outcome of a command this kiosk already executed, if `commandID` was seen before.
    public func processedCommand(server: String, commandID: String) throws(StoreError) -> ProcessedCommand? {
        try reading { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM uplink_commands WHERE server = ? AND cmd_id = ?", arguments: [server, commandID]
            ).map(Self.processedCommand)
        }
    }

    /// Records a command's result before it is reported: a crash between execution and report must
    /// not run it again when the server repeats the CmdID.
    public func recordCommandResult(
        server: String, commandID: String, command: String, returnCode: Int, result: String, atMilliseconds: Int64
    ) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT OR IGNORE INTO uplink_servers (server) VALUES (?)", arguments: [server])
            try db.execute(
                sql: """
                    INSERT INTO uplink_commands (server, cmd_id, command, return_code, result, received_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(server, cmd_id) DO NOTHING
                    """,
                arguments: [server, commandID, String(command.prefix(4096)), returnCode, result, atMilliseconds])
        }
    }

    /// Results still to be sent to `server`, oldest first.
    public func unreportedCommandResults(server: String) throws(StoreError) -> [ProcessedCommand] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM uplink_commands WHERE server = ? AND reported_ms IS NULL ORDER BY received_ms, cmd_id",
                arguments: [server]
            ).map(Self.processedCommand)
        }
    }

    /// Marks results as acknowledged by the server (devicecmd answered OK).
    public func markCommandResultsReported(server: String, commandIDs: [String], atMilliseconds: Int64) throws(StoreError) {
        guard !commandIDs.isEmpty else { return }
        try writing { db in
            for id in commandIDs {
                try db.execute(
                    sql: "UPDATE uplink_commands SET reported_ms = ? WHERE server = ? AND cmd_id = ? AND reported_ms IS NULL",
                    arguments: [atMilliseconds, server, id])
            }
        }
    }

    private static func fetchUplinkState(_ db: Database, server: String) throws -> UplinkServerState {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM uplink_servers WHERE server = ?", arguments: [server]) else {
            return UplinkServerState(server: server)
        }
        var state = UplinkServerState(server: server, ackedSeq: row["acked_seq"])
        state.lastSuccessMilliseconds = row["last_success_ms"]
        state.lastError = row["last_error"]
        state.lastErrorMilliseconds = row["last_error_ms"]
        state.lastHandshakeMilliseconds = row["last_handshake_ms"]
        state.clockDriftMilliseconds = row["clock_drift_ms"]
        return state
    }

    private static func processedCommand(_ row: Row) -> ProcessedCommand {
        ProcessedCommand(
            server: row["server"], commandID: row["cmd_id"], command: row["command"], returnCode: row["return_code"],
            result: row["result"], receivedMilliseconds: row["received_ms"], reportedMilliseconds: row["reported_ms"])
    }
}
