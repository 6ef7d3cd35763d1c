import GRDB

extension HadirDatabase {
    /// A cheap read through the one serialized writer connection, the path every punch takes.
    ///
    /// The watchdog calls it to prove the writer is not wedged (a hung fsync or a stuck write
    /// transaction blocks this call too); it writes nothing.
    public func probeWriter() throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                guard !writerState.isClosed else { throw StoreError.closed(path: path) }
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
