import HadirCore

/// Why a store operation failed, in terms a technician can act on.
///
/// Every case prints as one line that names the database file where that helps. SQLite's own
/// result codes are mapped to the cases the daemon reacts to (a full disk raises an alert, a
/// corrupt file is quarantined); anything else ends up in ``sqlite(_:)``.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or created (missing directory, permissions, not a file…).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database, or its header was destroyed.
    case notADatabase(path: String)
    /// `PRAGMA quick_check` (or SQLite while opening) found damage in the file.
    case integrityCheckFailed(path: String, details: String)
    /// SQLite reported corruption while working on an already opened database.
    case corrupt(path: String, details: String)
    /// The file was migrated by a newer hadird; an older one must not write to it.
    case schemaTooNew(path: String, unknownMigrations: [String])
    /// A read-only open found no Hadir schema (hadird has never run on this file).
    case notMigrated(path: String)
    /// A write was attempted on a database opened read-only, or the file or disk is write-protected.
    case readOnly(path: String)
    /// The disk (or the database's size limit) is full: nothing new can be stored.
    case diskFull(path: String)
    /// The database was closed with ``HadirDatabase/close()``.
    case closed(path: String)
    /// Another connection held the write lock for longer than the busy timeout.
    case busy(path: String)
    /// The operating system reported an I/O error on the file.
    case ioError(path: String, details: String)
    /// The employee already has their one finger; use replace to re-enroll.
    case employeeAlreadyHasFinger(slot: UInt16)
    /// The module slot already belongs to another employee.
    case slotTaken(slot: UInt16, by: EmployeePIN)
    /// Another rule of ``HadirCore/EnrollmentRule`` refused the enrollment.
    case enrollmentRefused(EnrollmentRefusal)
    /// The employee already has a face (face module user id `faceID`); replace to re-enroll.
    case employeeAlreadyHasFace(faceID: UInt16)
    /// The face module's user id already belongs to another employee.
    case faceTaken(faceID: UInt16, by: EmployeePIN)
    /// No employee has this PIN.
    case unknownEmployee(EmployeePIN)
    /// A correction row must refer to an earlier punch.
    case invalidCorrection(correctsSeq: Int64, seq: Int64)
    /// A request contradicts what is stored (a pull client's user record for a ZK uid held by
    /// another PIN, a uid outside 1…32767, …); the message names both sides.
    case conflict(String)
    /// A row read from disk does not hold a valid value (hand-edited or damaged data).
    case invalidRow(table: String, key: String, reason: String)
    /// Any other SQLite failure, with SQLite's message.
    case sqlite(String)

    /// True when the file itself is damaged: the daemon quarantines it and starts fresh.
    public var isCorruption: Bool {
        switch self {
        case .notADatabase, .integrityCheckFailed, .corrupt: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open database \(path): \(reason)"
        case .notADatabase(let path):
            "\(path) is not an SQLite database (or its header is destroyed)"
        case .integrityCheckFailed(let path, let details):
            "database \(path) failed its integrity check: \(details)"
        case .corrupt(let path, let details):
            "database \(path) is corrupt: \(details)"
        case .schemaTooNew(let path, let unknown):
            "database \(path) was upgraded by a newer hadird (unknown migrations: \(unknown.joined(separator: ", "))); refusing to write to it"
        case .notMigrated(let path):
            "database \(path) has no Hadir schema yet; start hadird once to create it"
        case .readOnly(let path):
            "cannot write to database \(path): it is read-only (opened read-only, or the file or disk is write-protected)"
        case .diskFull(let path):
            "cannot write to database \(path): the disk is full"
        case .closed(let path):
            "database \(path) is closed"
        case .busy(let path):
            "database \(path) stayed locked by another writer beyond the busy timeout"
        case .ioError(let path, let details):
            "I/O error on database \(path): \(details)"
        case .employeeAlreadyHasFinger(let slot):
            "the employee already has a finger enrolled (slot \(slot)); use replace to re-enroll"
        case .slotTaken(let slot, let owner):
            "module slot \(slot) already belongs to employee \(owner)"
        case .enrollmentRefused(let refusal):
            "enrollment refused: \(refusal)"
        case .employeeAlreadyHasFace(let faceID):
            "the employee already has a face enrolled (face id \(faceID)); use replace to re-enroll"
        case .faceTaken(let faceID, let owner):
            "face id \(faceID) already belongs to employee \(owner)"
        case .unknownEmployee(let pin):
            "no employee with PIN \(pin)"
        case .invalidCorrection(let correctsSeq, let seq):
            "punch \(seq) cannot correct seq \(correctsSeq): a correction must refer to an earlier punch"
        case .conflict(let message):
            message
        case .invalidRow(let table, let key, let reason):
            "unreadable row in \(table) (\(key)): \(reason)"
        case .sqlite(let message):
            "SQLite error: \(message)"
        }
    }
}
