import GRDB

/// The one `DatabaseMigrator` of the store. Migrations are append-only too: never edit a
/// registered migration, add the next one ("v2", …).
enum Migrations {
    /// `PRAGMA application_id` of Hadir databases ("HADR"), so tools such as `file` recognise
    /// them and we never migrate another program's database.
    static let applicationID: Int32 = 0x4841_4452

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: SchemaV1.create)
        migrator.registerMigration("v2-uplink", migrate: SchemaV2Uplink.create)
        migrator.registerMigration("v3-pull", migrate: SchemaV3Pull.create)
        migrator.registerMigration("v4-faces", migrate: SchemaV4Faces.create)
        migrator.registerMigration("v5-checkpoints", migrate: SchemaV5Checkpoints.create)
        migrator.registerMigration("v6-salvage", migrate: SchemaV6Salvage.create)
        return migrator
    }

    /// Applies pending migrations, refusing a file upgraded by a newer hadird.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = migrator
        let unknown = try pool.read { db in try unknownMigrations(db, migrator: migrator) }
        guard unknown.isEmpty else { throw StoreError.schemaTooNew(path: path, unknownMigrations: unknown) }
        try migrator.migrate(pool)
    }

    /// A read-only open needs at least our schema; newer schemas stay readable.
    static func checkSchemaPresent(_ db: Database, path: String) throws {
        let migrator = migrator
        guard try migrator.hasCompletedMigrations(db) || !unknownMigrations(db, migrator: migrator).isEmpty else {
            throw StoreError.notMigrated(path: path)
        }
    }

    /// Refuses SQLite files that belong to another application.
    static func checkApplicationID(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        guard id == 0 || id == applicationID else {
            let hex = String(UInt32(bitPattern: id), radix: 16)
            throw StoreError.cannotOpen(
                path: path, reason: "it belongs to another application (application_id 0x\(hex))")
        }
    }

    private static func unknownMigrations(_ db: Database, migrator: DatabaseMigrator) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let known = Set(migrator.migrations)
        return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
    }
}
