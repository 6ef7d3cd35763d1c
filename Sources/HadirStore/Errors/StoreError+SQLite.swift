import GRDB

extension StoreError {
    /// Maps any error thrown inside a GRDB access to a ``StoreError`` for the database at `path`.
    ///
    /// Store errors thrown by our own closures pass through unchanged.
    init(_ error: any Error, path: String) {
        if let storeError = error as? StoreError {
            self = storeError
        } else if let databaseError = error as? DatabaseError {
            self = StoreError(databaseError, path: path)
        } else {
            self = .sqlite(String(describing: error))
        }
    }

    /// Maps SQLite's primary result code to the cases the daemon reacts to.
    init(_ error: DatabaseError, path: String) {
        let message = error.message ?? "SQLite result code \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly(path: path)
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, details: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_IOERR: self = .ioError(path: path, details: message)
        case .SQLITE_CANTOPEN: self = .cannotOpen(path: path, reason: message)
        default: self = .sqlite(message)
        }
    }
}
