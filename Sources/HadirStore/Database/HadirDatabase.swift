import Foundation
import GRDB
import HadirCore

/// The kiosk's SQLite database: the punch journal, users, finger slots, audit trail and scan
/// events.
///
/// It wraps one GRDB `DatabasePool` in WAL mode: hadird is the single writer while readers,
/// including hadirctl in another process, read consistent snapshots without blocking it. Every
/// write runs in one `BEGIN IMMEDIATE` transaction on a connection with `synchronous=FULL`, so
/// when a write method returns, its change survives a power cut that happens right after.
///
/// Methods are synchronous: a write costs one fsync of the WAL, which callers (actors) accept
/// so that "acknowledged" always means "on disk".
public final class HadirDatabase: Sendable {
    /// The database file.
    public let path: String
    /// True when opened with `readOnly: true`; writes then fail with ``StoreError/readOnly(path:)``.
    public let isReadOnly: Bool
    let pool: DatabasePool
    /// Wall-clock milliseconds since the epoch, for `created_ms`, `at_ms` and friends.
    let clock: @Sendable () -> Int64
    let writerState = WriterState()
    /// Seals finger templates at rest; nil stores them as given (tools and tests without a key).
    let templateKeys = TemplateKeyringHolder()

    /// Writer-side state, read and written only on GRDB's serial writer queue: that queue is the
    /// lock, which is why the class can be shared.
    final class WriterState: @unchecked Sendable {
        var isClosed = false
    }

    private init(path: String, pool: DatabasePool, isReadOnly: Bool, clock: @escaping @Sendable () -> Int64) {
        self.path = path
        self.pool = pool
        self.isReadOnly = isReadOnly
        self.clock = clock
    }

    /// Opens (or creates) the database at `path`, checks it, and brings its schema up to date.
    ///
    /// The directory must exist. At open the file gets `PRAGMA quick_check`, so a damaged file is
    /// reported before anything is written to it; callers quarantine the file when the error's
    /// ``StoreError/isCorruption`` is true. A read-only open never writes: it neither migrates
    /// nor changes the journal mode, and fails with ``StoreError/notMigrated(path:)`` on a file
    /// hadird has not initialised yet.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - readOnly: Open for reading only (hadirctl, reports).
    ///   - clock: Wall-clock source for bookkeeping timestamps; tests inject a fixed one.
    public static func open(
        path: String, readOnly: Bool = false,
        clock: @escaping @Sendable () -> Int64 = HadirDatabase.systemMilliseconds
    ) throws(StoreError) -> HadirDatabase {
        try checkLocation(of: path, readOnly: readOnly)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: makeConfiguration(path: path, readOnly: readOnly))
        } catch {
            throw openingError(error, path: path)
        }
        let database = HadirDatabase(path: path, pool: pool, isReadOnly: readOnly, clock: clock)
        do {
            if readOnly {
                // The read-write writer ran these checks when it connected (see makeConfiguration).
                try pool.read { db in
                    try IntegrityCheck.run(db, path: path)
                    try Migrations.checkApplicationID(db, path: path)
                    try Migrations.checkSchemaPresent(db, path: path)
                }
            } else {
                try database.enforceDurability()
                try Migrations.migrate(pool, path: path)
            }
        } catch {
            try? pool.close()
            throw openingError(error, path: path)
        }
        return database
    }

    /// Closes every connection. Later calls fail with ``StoreError/closed(path:)``; closing twice
    /// is harmless.
    ///
    /// Needed before the file is moved away (quarantine) or when the daemon stops. A read-write
    /// database first checkpoints its WAL into the main file and truncates it, so a cleanly
    /// stopped kiosk leaves one self-contained file (GRDB closes the writer before the
    /// read-only readers, and a read-only last connection cannot fold the WAL back).
    public func close() throws(StoreError) {
        let readOnly = isReadOnly
        let state = writerState
        // Marked on the writer queue, so a write queued behind the close sees it.
        let wasOpen = pool.writeWithoutTransaction { db -> Bool in
            guard !state.isClosed else { return false }
            if !readOnly {
                // Best effort: a reader in another process may hold the WAL; it is folded in later.
                _ = try? db.checkpoint(.truncate)
            }
            state.isClosed = true
            return true
        }
        guard wasOpen else { return }
        do { try pool.close() } catch { throw StoreError(error, path: path) }
    }

    /// The current wall-clock time in milliseconds since the Unix epoch.
    public static func systemMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    // MARK: - Access helpers

    /// Runs `body` in a read-only snapshot and maps failures to ``StoreError``.
    func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction and returns only after COMMIT.
    ///
    /// IMMEDIATE takes the write lock before the first read, so a read-then-insert (next seq)
    /// can never be raced by another writer, even in another process.
    func writing<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        guard !isReadOnly else { throw .readOnly(path: path) }
        do {
            return try pool.writeWithoutTransaction { db in
                guard !writerState.isClosed else { throw StoreError.closed(path: path) }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.sqlite("write transaction produced no result") }
                return result
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    // MARK: - Opening

    private static func checkLocation(of path: String, readOnly: Bool) throws(StoreError) {
        let fileManager = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "directory \(directory) does not exist")
        }
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a directory") }
        } else if readOnly {
            throw .cannotOpen(path: path, reason: "no such file")
        }
    }

    /// At open, corruption reported by SQLite is what the integrity check exists to catch.
    private static func openingError(_ error: any Error, path: String) -> StoreError {
        let mapped = StoreError(error, path: path)
        if case .corrupt(let path, let details) = mapped {
            return .integrityCheckFailed(path: path, details: details)
        }
        return mapped
    }
}
