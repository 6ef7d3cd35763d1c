import GRDB

/// Migration "v4-faces": face modules beside fingerprint modules (issue 6).
///
/// - `face_slots`: each employee's one face, by the face module's user id. One face per employee
///   and one employee per face id, like `finger_slots`. Face modules cannot export a template, so
///   there is no template column.
/// - `orphan_faces`: face ids still to be deleted from the module (a removed employee, a replaced
///   face, an enrollment interrupted between the module's store and our commit). The same
///   triggers as for finger slots keep a face id either owned or pending deletion, never both.
enum SchemaV4Faces {
    static func create(_ db: Database) throws {
        try db.create(table: "face_slots", options: .strict) { t in
            t.column("pin", .text).notNull().unique().references("users", column: "pin")
            t.column("face_id", .integer).notNull().unique().check { $0 >= 0 && $0 <= 65535 }
            t.column("enrolled_ms", .integer).notNull()
        }
        try db.create(table: "orphan_faces", options: .strict) { t in
            t.primaryKey("face_id", .integer).check { $0 >= 0 && $0 <= 65535 }
            t.column("reason", .text).notNull()
            t.column("since_ms", .integer).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER face_slot_not_orphan_insert BEFORE INSERT ON face_slots
                WHEN EXISTS (SELECT 1 FROM orphan_faces WHERE face_id = NEW.face_id)
                BEGIN SELECT RAISE(ABORT, 'face id is waiting to be deleted from the face module'); END;

                CREATE TRIGGER face_slot_not_orphan_update BEFORE UPDATE OF face_id ON face_slots
                WHEN EXISTS (SELECT 1 FROM orphan_faces WHERE face_id = NEW.face_id)
                BEGIN SELECT RAISE(ABORT, 'face id is waiting to be deleted from the face module'); END;

                CREATE TRIGGER orphan_face_not_owned BEFORE INSERT ON orphan_faces
                WHEN EXISTS (SELECT 1 FROM face_slots WHERE face_id = NEW.face_id)
                BEGIN SELECT RAISE(ABORT, 'face id still belongs to an employee'); END;
                """)
    }
}
