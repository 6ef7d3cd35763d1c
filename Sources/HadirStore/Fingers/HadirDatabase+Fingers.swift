import Foundation
import GRDB
import HadirCore

extension HadirDatabase {
    /// Records the employee's one finger in module slot `slot`, in one transaction.
    ///
    /// Call it after the module stored the template in `slot`. Without `replace`, refuses
    /// ``StoreError/employeeAlreadyHasFinger(slot:)`` when the employee already has a finger; in
    /// every case refuses ``StoreError/unknownEmployee(_:)`` and, for another employee's slot,
    /// ``StoreError/slotTaken(slot:by:)``. A slot in `orphan_slots` (marked with
    /// ``markPendingSlot(_:reason:actor:)`` before the module stored into it, or left over) is
    /// claimed: the module has just overwritten whatever it held, so deleting it later would wipe
    /// the new template. Audited as 'enroll' or 're-enroll' ("slot A → slot B"). Refusals roll
    /// back and are not audited here: the enrollment flow records them with
    /// ``recordAudit(action:pin:slot:detail:actor:)`` together with the refusals it decides itself.
    ///
    /// - Parameters:
    ///   - template: The template bytes read back from the module, if the module supports it.
    ///   - replace: Re-enroll: the previous slot moves to `orphan_slots` and is returned in
    ///     ``FingerAssignment/replacedSlot``.
    @discardableResult
    public func assignFinger(
        pin: EmployeePIN, slot: UInt16, template: [UInt8]?, replace: Bool, actor: String
    ) throws(StoreError) -> FingerAssignment {
        let now = clock()
        return try writing { db in
            guard try UserRow.exists(db, key: pin.rawValue) else { throw StoreError.unknownEmployee(pin) }
            // Another employee's slot is refused whatever `replace` says.
            if let owner = try FingerSlotRow.filter(FingerSlotRow.Columns.slot == Int64(slot)).fetchOne(db),
                owner.pin != pin.rawValue
            {
                throw StoreError.slotTaken(
                    slot: slot, by: try decodePIN(owner.pin, table: "finger_slots", key: "slot \(slot)"))
            }
            let current = try FingerSlotRow.filter(FingerSlotRow.Columns.pin == pin.rawValue).fetchOne(db)
            let currentSlot = try current.map { row throws(StoreError) in
                try decodeSlot(row.slot, table: "finger_slots", key: "pin \(pin)")
            }
            let admission = EnrollmentRule.admit(employee: pin, existingSlot: currentSlot, replace: replace)
            if case .refused(let refusal) = admission { throw StoreError(refusal) }

            let claimed = try OrphanSlotRow.deleteOne(db, key: Int64(slot))
            let claimNote = claimed ? " (pending slot claimed)" : ""
            let templateData = storedTemplate(template, pin: pin)
            guard case .replacing(let oldSlot) = admission else {
                try FingerSlotRow(
                    pin: pin.rawValue, slot: Int64(slot), template: templateData, enrolledMilliseconds: now
                ).insert(db)
                try AuditRow.record(
                    db, at: now, action: .enroll, pin: pin, slot: slot, detail: "slot \(slot)\(claimNote)", actor: actor
                )
                return FingerAssignment(pin: pin, slot: slot, replacedSlot: nil)
            }
            // Move the row first so the old slot is free to become an orphan.
            try FingerSlotRow.filter(FingerSlotRow.Columns.pin == pin.rawValue).updateAll(
                db,
                FingerSlotRow.Columns.slot.set(to: Int64(slot)),
                FingerSlotRow.Columns.template.set(to: templateData),
                FingerSlotRow.Columns.enrolledMilliseconds.set(to: now))
            let replaced: UInt16? = oldSlot == slot ? nil : oldSlot
            if let replaced {
                try OrphanSlotRow(
                    slot: Int64(replaced), reason: "re-enrolled into slot \(slot)", sinceMilliseconds: now
                )
                .insert(db, onConflict: .ignore)
            }
            let move =
                replaced == nil ? "slot \(slot) → slot \(slot) (replaced in place)" : "slot \(oldSlot) → slot \(slot)"
            try AuditRow.record(
                db, at: now, action: .reEnroll, pin: pin, slot: slot, detail: move + claimNote, actor: actor)
            return FingerAssignment(pin: pin, slot: slot, replacedSlot: replaced)
        }
    }

    /// Marks `slot` as pending in `orphan_slots` before the module stores a template into it.
    ///
    /// If power is cut after the module stored but before ``assignFinger(pin:slot:template:replace:actor:)``
    /// committed, the mark makes the start-up cleanup delete the stray template instead of
    /// leaving a finger that belongs to nobody. Not audited: the orphan's reason says why it
    /// exists, and the assignment or the clean-up that follows is audited. Marking a slot that is
    /// already pending is a no-op.
    /// - Throws: ``StoreError/slotTaken(slot:by:)`` when an employee owns the slot.
    public func markPendingSlot(_ slot: UInt16, reason: String, actor: String) throws(StoreError) {
        let now = clock()
        try writing { db in
            if let owner = try FingerSlotRow.filter(FingerSlotRow.Columns.slot == Int64(slot)).fetchOne(db) {
                throw StoreError.slotTaken(
                    slot: slot, by: try decodePIN(owner.pin, table: "finger_slots", key: "slot \(slot)"))
            }
            try OrphanSlotRow(slot: Int64(slot), reason: "\(reason) (by \(actor))", sinceMilliseconds: now)
                .insert(db, onConflict: .ignore)
        }
    }

    /// Removes the employee's finger, audited as 'delete-finger'; its slot moves to `orphan_slots`.
    /// - Returns: The orphaned slot to delete from the module, or nil if there was no finger.
    @discardableResult
    public func removeFinger(pin: EmployeePIN, actor: String) throws(StoreError) -> UInt16? {
        let now = clock()
        return try writing { db in
            guard try UserRow.exists(db, key: pin.rawValue) else { throw StoreError.unknownEmployee(pin) }
            guard
                let orphaned = try FingerSlotRow.orphanFinger(db, pin: pin, reason: "finger of \(pin) deleted", at: now)
            else {
                return nil
            }
            try AuditRow.record(
                db, at: now, action: .deleteFinger, pin: pin, slot: orphaned,
                detail: "slot \(orphaned) awaits deletion from the module", actor: actor)
            return orphaned
        }
    }

    /// The employee's finger, or nil.
    public func fingerSlot(pin: EmployeePIN) throws(StoreError) -> FingerSlot? {
        try reading { db in
            try FingerSlotRow.filter(FingerSlotRow.Columns.pin == pin.rawValue).order(FingerSlotRow.Columns.slot)
                .fetchOne(db)
        }?.fingerSlot()
    }

    /// The employee who owns module slot `slot`, or nil (free or orphaned).
    public func owner(ofSlot slot: UInt16) throws(StoreError) -> EmployeePIN? {
        try reading { db in
            try FingerSlotRow.filter(FingerSlotRow.Columns.slot == Int64(slot)).fetchOne(db)
        }?.fingerSlot().pin
    }

    /// Every employee's finger, in slot order.
    public func fingerSlots() throws(StoreError) -> [FingerSlot] {
        let rows = try reading { db in try FingerSlotRow.order(FingerSlotRow.Columns.slot).fetchAll(db) }
        var slots: [FingerSlot] = []
        slots.reserveCapacity(rows.count)
        for row in rows { slots.append(try row.fingerSlot()) }
        return slots
    }

    /// The stored template bytes of the employee's finger, or nil (no finger, or not stored).
    public func template(pin: EmployeePIN) throws(StoreError) -> [UInt8]? {
        let stored = try reading { db in
            try FingerSlotRow.filter(FingerSlotRow.Columns.pin == pin.rawValue).order(FingerSlotRow.Columns.slot)
                .fetchOne(db)
        }?.template
        return try stored.map { stored throws(StoreError) in try openedTemplate(stored, pin: pin.rawValue) }
    }

    /// Module slots that are not free: employees' fingers plus orphans still to be deleted.
    public func usedSlots() throws(StoreError) -> Set<UInt16> {
        let values = try reading { db in
            try Int64.fetchAll(db, sql: "SELECT slot FROM finger_slots UNION SELECT slot FROM orphan_slots")
        }
        var slots = Set<UInt16>()
        for value in values { slots.insert(try decodeSlot(value, table: "finger_slots", key: "slot \(value)")) }
        return slots
    }

    /// Module slots whose template must still be deleted from the module, in slot order.
    public func orphanSlots() throws(StoreError) -> [UInt16] {
        let values = try reading { db in
            try Int64.fetchAll(db, OrphanSlotRow.select(OrphanSlotRow.Columns.slot).order(OrphanSlotRow.Columns.slot))
        }
        var slots: [UInt16] = []
        for value in values {
            slots.append(try decodeSlot(value, table: OrphanSlotRow.databaseTableName, key: "slot \(value)"))
        }
        return slots
    }

    /// Forgets an orphan after the module confirmed the delete, audited as 'orphan-cleared'.
    ///
    /// A slot that is not an orphan (already cleared, or claimed by an enrollment meanwhile) is
    /// left alone and nothing is audited.
    public func clearOrphan(slot: UInt16, actor: String) throws(StoreError) {
        let now = clock()
        try writing { db in
            guard try OrphanSlotRow.deleteOne(db, key: Int64(slot)) else { return }
            try AuditRow.record(
                db, at: now, action: .orphanCleared, pin: nil, slot: slot,
                detail: "slot \(slot) deleted from the module",
                actor: actor)
        }
    }
}

extension StoreError {
    /// The store's form of a refusal decided by ``HadirCore/EnrollmentRule``.
    init(_ refusal: EnrollmentRefusal) {
        switch refusal {
        case .employeeAlreadyHasFinger(let slot): self = .employeeAlreadyHasFinger(slot: slot)
        case .fingerOwnedByAnotherEmployee(let owner, let slot): self = .slotTaken(slot: slot, by: owner)
        case .fingerInUnownedSlot: self = .enrollmentRefused(refusal)
        }
    }
}
