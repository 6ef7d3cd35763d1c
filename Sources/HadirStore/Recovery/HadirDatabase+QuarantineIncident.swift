import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// `meta` keys of the last quarantine; the audit row is the permanent record.
    enum QuarantineMeta {
        static let file = "quarantine.file"
        static let atMilliseconds = "quarantine.at_ms"
        static let reason = "quarantine.reason"
        static let recovered = "quarantine.recovered"
    }

    /// Records, in one transaction, that the previous database was damaged and moved to `file`.
    ///
    /// Call it on the fresh database before anything else is written, so the incident is its
    /// first audit row and first scan event. The journal itself only holds punches (its rows are
    /// what servers receive), so the incident lives in the append-only audit trail, with a
    /// `database_quarantined` scan event and `meta` keys that status reads.
    public func recordQuarantineIncident(file: String, reason: String, actor: String = "hadird") throws(StoreError) {
        let now = clock()
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value
        let detail = "\(file)" + (size.map { " (\($0) bytes)" } ?? "") + ": \(reason)"
        try writing { db in
            try AuditRow.record(db, at: now, action: .databaseQuarantined, pin: nil, slot: nil, detail: detail, actor: actor)
            var event = ScanEventRow(
                id: nil, atMilliseconds: now, kind: ScanEventKind.databaseQuarantined.rawValue, pin: nil, slot: nil, detail: file)
            try event.insert(db)
            try MetaRow(key: QuarantineMeta.file, value: file).upsert(db)
            try MetaRow(key: QuarantineMeta.atMilliseconds, value: String(now)).upsert(db)
            try MetaRow(key: QuarantineMeta.reason, value: reason).upsert(db)
            _ = try MetaRow.deleteOne(db, key: QuarantineMeta.recovered)
        }
    }

    /// The last quarantine this database started after, or nil.
    public func quarantineIncident() throws(StoreError) -> QuarantineIncident? {
        try reading { db in
            guard let file = try MetaRow.fetchOne(db, key: QuarantineMeta.file)?.value else { return nil }
            let at = try MetaRow.fetchOne(db, key: QuarantineMeta.atMilliseconds).flatMap { Int64($0.value) } ?? 0
            let reason = try MetaRow.fetchOne(db, key: QuarantineMeta.reason)?.value ?? ""
            let recovered = try MetaRow.fetchOne(db, key: QuarantineMeta.recovered)?.value
            return QuarantineIncident(file: file, atMilliseconds: at, reason: reason, recovered: recovered)
        }
    }
}
