import GRDB

/// `PRAGMA quick_check` at open: a page-level walk of the whole file.
///
/// quick_check skips integrity_check's index-content cross-checks, which keeps start-up short
/// on SD cards while still catching torn or overwritten pages.
enum IntegrityCheck {
    /// How many of SQLite's complaints go into the error message.
    static let reportedProblems = 3

    static func run(_ db: Database, path: String) throws {
        let problems: [String]
        do {
            problems = try String?.fetchAll(db, sql: "PRAGMA quick_check").map { $0 ?? "(null)" }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.integrityCheckFailed(
                path: path, details: error.message ?? "database disk image is malformed")
        }
        guard problems != ["ok"] else { return }
        throw StoreError.integrityCheckFailed(path: path, details: summary(problems))
    }

    static func summary(_ problems: [String]) -> String {
        guard !problems.isEmpty else { return "quick_check returned nothing" }
        let shown = problems.prefix(reportedProblems).joined(separator: "; ")
        let hidden = problems.count - reportedProblems
        return hidden > 0 ? "\(shown) (and \(hidden) more)" : shown
    }
}
