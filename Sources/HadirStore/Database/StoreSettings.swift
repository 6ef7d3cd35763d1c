import GRDB

/// The durability-relevant PRAGMAs of the writer connection, read back from SQLite.
///
/// Reported by `hadirctl status` so nobody has to trust that the configuration took effect.
public struct StoreSettings: Hashable, Sendable {
    /// SQLite's `synchronous` levels.
    public enum Synchronous: Int, Sendable {
        case off = 0
        case normal = 1
        case full = 2
        case extra = 3
    }

    /// `PRAGMA journal_mode`, lowercased (`wal` expected).
    public var journalMode: String
    /// `PRAGMA synchronous`; nil if SQLite answered something unknown.
    public var synchronous: Synchronous?
    /// `PRAGMA foreign_keys`.
    public var foreignKeys: Bool
    /// `PRAGMA busy_timeout` in milliseconds.
    public var busyTimeoutMilliseconds: Int

    static func read(_ db: Database) throws -> StoreSettings {
        let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        let foreignKeys = try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? 0
        let busyTimeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
        return StoreSettings(
            journalMode: journalMode.lowercased(), synchronous: Synchronous(rawValue: synchronous),
            foreignKeys: foreignKeys != 0, busyTimeoutMilliseconds: busyTimeout)
    }
}
