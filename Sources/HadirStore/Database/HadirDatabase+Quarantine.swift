import Foundation

extension HadirDatabase {
    /// Moves a damaged database (with its `-wal` and `-shm` files) aside so a fresh one can be
    /// created at `path`, keeping the old one for recovery.
    ///
    /// The files are renamed, never deleted: unsynced punches may still be recoverable from them.
    /// Close every connection to the file first.
    /// - Returns: The new path of the database file (`<path>.corrupt-<milliseconds>`).
    public static func quarantine(path: String, atMilliseconds: Int64 = systemMilliseconds()) throws(StoreError)
        -> String
    {
        let fileManager = FileManager.default
        var destination = "\(path).corrupt-\(atMilliseconds)"
        var attempt = 1
        while fileManager.fileExists(atPath: destination) {
            attempt += 1
            destination = "\(path).corrupt-\(atMilliseconds)-\(attempt)"
        }
        // The WAL and shared-memory files follow the main file's name, so SQLite finds them
        // again when the quarantined copy is opened.
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
            do {
                try fileManager.moveItem(atPath: path + suffix, toPath: destination + suffix)
            } catch {
                throw .ioError(
                    path: path, details: "could not move \(path + suffix) aside: \(error.localizedDescription)")
            }
        }
        return destination
    }
}
