import GRDB

extension HadirDatabase {
    /// How long a writer waits for another process's write lock before giving up.
    static let busyTimeoutSeconds: Double = 5

    /// The GRDB configuration shared by the writer and the reader connections.
    static func makeConfiguration(path: String, readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.journalMode = .wal
        configuration.label = "hadir.db"
        configuration.prepareDatabase { db in
            // Reader connections are read-only: only the read-write writer connection checks
            // the file, and it does so before GRDB's WAL setup writes anything to it, so a
            // damaged or foreign file is refused untouched.
            guard !db.configuration.readonly else { return }
            try IntegrityCheck.run(db, path: path)
            try Migrations.checkApplicationID(db, path: path)
        }
        return configuration
    }

    /// Sets `synchronous=FULL` on the writer connection and verifies WAL mode.
    ///
    /// This runs after the pool is created because GRDB's WAL setup lowers `synchronous` to
    /// NORMAL on the writer, which can lose the last commits on power loss. FULL syncs the WAL
    /// at every commit: an acknowledged punch is on disk.
    func enforceDurability() throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            let settings = try StoreSettings.read(db)
            guard settings.journalMode == "wal" else {
                throw StoreError.cannotOpen(
                    path: path, reason: "WAL mode could not be enabled (journal_mode is \(settings.journalMode))")
            }
            guard settings.synchronous == .full else {
                throw StoreError.cannotOpen(path: path, reason: "synchronous=FULL could not be enabled")
            }
        }
    }

    /// The settings the writer connection actually runs with, for status output and checks.
    public func settings() throws(StoreError) -> StoreSettings {
        do {
            return try pool.writeWithoutTransaction { db in
                guard !writerState.isClosed else { throw StoreError.closed(path: path) }
                return try StoreSettings.read(db)
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
