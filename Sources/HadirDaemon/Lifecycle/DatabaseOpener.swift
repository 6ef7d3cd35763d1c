import Foundation
import HadirStore
import Logging

/// Opens the journal database; a corrupt file is moved aside (never deleted) and a fresh one
/// started, so the kiosk keeps taking punches while the alert goes out (DESIGN §7.6).
enum DatabaseOpener {
    static func open(path: String, logger: Logger) throws(StoreError) -> (HadirDatabase, quarantined: String?) {
        let failure: StoreError
        do {
            return (try HadirDatabase.open(path: path), nil)
        } catch {
            failure = error
        }
        guard failure.isCorruption else { throw failure }
        let quarantine = try HadirDatabase.quarantine(path: path)
        logger.critical(
            "database is damaged; it was moved aside and a fresh one started",
            metadata: ["path": "\(path)", "quarantine": "\(quarantine)", "error": "\(failure)"])
        return (try HadirDatabase.open(path: path), quarantine)
    }
}
