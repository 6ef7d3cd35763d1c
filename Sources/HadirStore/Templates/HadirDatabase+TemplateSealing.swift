import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// Seals templates written from now on with `keyring`'s active key, and opens sealed ones.
    public func useTemplateKeyring(_ keyring: TemplateKeyring?) {
        templateKeys.set(keyring)
    }

    /// Re-seals every stored template that is in plain form (written before sealing existed) or
    /// sealed with a key other than the active one, in one transaction.
    ///
    /// Run at start and after a key rotation. A template that cannot be opened (its key is gone,
    /// or the row was edited) is left as it is and reported, never deleted.
    public func resealTemplates() throws(StoreError) -> TemplateResealing {
        guard let keyring = templateKeys.current else { return TemplateResealing(resealed: 0, unreadablePINs: []) }
        return try writing { db in
            var resealed = 0
            var unreadable: [String] = []
            let rows = try FingerSlotRow.filter(FingerSlotRow.Columns.template != nil).fetchAll(db)
            for row in rows {
                guard let stored = row.template.map({ [UInt8]($0) }), !stored.isEmpty,
                    TemplateKeyring.keyID(of: stored) != keyring.activeID
                else { continue }
                let plain: [UInt8]
                if TemplateKeyring.isSealed(stored) {
                    guard let opened = try? keyring.open(stored, pin: row.pin) else {
                        unreadable.append(row.pin)
                        continue
                    }
                    plain = opened
                } else {
                    plain = stored
                }
                try FingerSlotRow.filter(FingerSlotRow.Columns.pin == row.pin).updateAll(
                    db, FingerSlotRow.Columns.template.set(to: Data(keyring.seal(plain, pin: row.pin))))
                resealed += 1
            }
            return TemplateResealing(resealed: resealed, unreadablePINs: unreadable)
        }
    }

    /// The ids of the keys stored templates are sealed with (a key still in use is never dropped).
    public func templateKeyIDsInUse() throws(StoreError) -> Set<UInt32> {
        let blobs = try reading { db in try Data.fetchAll(db, sql: "SELECT template FROM finger_slots WHERE template IS NOT NULL") }
        return Set(blobs.compactMap { TemplateKeyring.keyID(of: [UInt8]($0)) })
    }

    /// What a database stores for `template` of employee `pin`: sealed when a keyring is set.
    func storedTemplate(_ template: [UInt8]?, pin: EmployeePIN) -> Data? {
        guard let template else { return nil }
        guard let keyring = templateKeys.current, !template.isEmpty else { return Data(template) }
        return Data(keyring.seal(template, pin: pin.rawValue))
    }

    /// The template bytes of a stored value: opened when sealed, as stored when in plain form.
    func openedTemplate(_ stored: Data, pin: String) throws(StoreError) -> [UInt8] {
        let bytes = [UInt8](stored)
        guard TemplateKeyring.isSealed(bytes) else { return bytes }
        guard let keyring = templateKeys.current else {
            throw .invalidRow(table: "finger_slots", key: "pin \(pin)", reason: "the template is sealed and no template key is loaded")
        }
        do {
            return try keyring.open(bytes, pin: pin)
        } catch {
            throw .invalidRow(table: "finger_slots", key: "pin \(pin)", reason: error.description)
        }
    }
}

/// What ``HadirDatabase/resealTemplates()`` did.
public struct TemplateResealing: Hashable, Sendable {
    public var resealed: Int
    /// Employees whose stored template could not be opened; left untouched.
    public var unreadablePINs: [String]
}
