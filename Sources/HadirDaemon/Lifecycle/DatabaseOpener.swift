import Foundation
import HadirStore
import Logging

/// Opens the journal database; a corrupt file is moved aside (never deleted) and a fresh one
/// started, so the kiosk keeps taking punches while the alert goes out (DESIGN §7.6).
enum DatabaseOpener {
    /// The database, and the incident when a damaged file was quarantined on this start.
    ///
    /// The incident is the fresh database's first record (audit row, scan event, `meta`), written
    /// before anything else. A database that cannot be written (read-only file or disk) is a
    /// ``StateDirectoryError``: hadird must not start and acknowledge punches it cannot keep.
    static func open(path: String, logger: Logger) throws -> (HadirDatabase, quarantined: QuarantineIncident?) {
        let failure: StoreError
        do {
            return (try HadirDatabase.open(path: path), nil)
        } catch {
            failure = error
        }
        if case .readOnly = failure { throw unwritable(path, failure) }
        guard failure.isCorruption else { throw failure }
        let quarantine = try HadirDatabase.quarantine(path: path)
        logger.critical(
            "database is damaged; it was moved aside and a fresh one started (salvage it with hadirctl recover)",
            metadata: ["path": "\(path)", "quarantine": "\(quarantine)", "error": "\(failure)"])
        let database = try HadirDatabase.open(path: path)
        try database.recordQuarantineIncident(file: quarantine, reason: "\(failure)")
        return (database, try database.quarantineIncident())
    }

    static func unwritable(_ path: String, _ failure: StoreError) -> StateDirectoryError {
        StateDirectoryError(
            path: URL(fileURLWithPath: path).deletingLastPathComponent().path,
            problem: "holds a database that cannot be written (\(failure))",
            fix: "make \(path) writable by hadird (file mode, owner, or a read-only mount) and start again")
    }
}
