import GRDB

extension HadirDatabase {
    /// The stored value for `key` in `meta`, or nil.
    public func meta(_ key: String) throws(StoreError) -> String? {
        try reading { db in try MetaRow.fetchOne(db, key: key) }?.value
    }

    /// Stores `value` under `key` in `meta`; nil removes the key.
    public func setMeta(_ key: String, _ value: String?) throws(StoreError) {
        try writing { db in
            if let value {
                try MetaRow(key: key, value: value).upsert(db)
            } else {
                _ = try MetaRow.deleteOne(db, key: key)
            }
        }
    }
}
