import GRDB
import HadirCore

extension HadirDatabase {
    /// Cross-checks finger slots, employees, orphans and, when given, the module's occupied slots.
    ///
    /// Uses GROUP BY rather than trusting the UNIQUE constraints, because a hand-edited or
    /// legacy-imported database is exactly what this audit is for. Values are read raw, so a
    /// row that would not even decode is reported instead of failing the audit.
    /// - Parameter moduleSlots: The slots the scanner module reports as occupied, if read.
    public func fingerAudit(moduleSlots: [UInt16]? = nil) throws(StoreError) -> FingerAuditReport {
        let snapshot = try reading { db in try FingerAuditSnapshot(db) }
        var report = FingerAuditReport(moduleChecked: moduleSlots != nil)
        var unreadable: [String] = []
        func parse(_ raw: RawFinger) -> FingerSlot? {
            guard let text = raw.pin, let pin = try? EmployeePIN(text), let value = raw.slot,
                let slot = UInt16(exactly: value)
            else {
                unreadable.append(
                    "finger_slots row pin=\(raw.pin ?? "NULL") slot=\(raw.slot.map(String.init) ?? "NULL")")
                return nil
            }
            return FingerSlot(pin: pin, slot: slot)
        }
        let fingers = snapshot.all.compactMap(parse)
        for finger in snapshot.pinsWithSeveralSlots.compactMap(parse) {
            report.employeesWithMultipleSlots[finger.pin, default: []].append(finger.slot)
        }
        for finger in snapshot.slotsWithSeveralPins.compactMap(parse) {
            report.slotsWithMultipleEmployees[finger.slot, default: []].append(finger.pin)
        }
        for value in snapshot.orphans {
            if let slot = UInt16(exactly: value) {
                report.pendingOrphanSlots.append(slot)
            } else {
                unreadable.append("orphan_slots row slot=\(value)")
            }
        }
        var withoutEmployee = Set(report.pendingOrphanSlots)
        withoutEmployee.formUnion(snapshot.withoutUser.compactMap(parse).map(\.slot))
        if let moduleSlots {
            let onModule = Set(moduleSlots)
            withoutEmployee.formUnion(onModule.subtracting(fingers.map(\.slot)))
            report.slotsMissingOnModule = Set(fingers.map(\.slot)).subtracting(onModule).sorted()
        }
        report.slotsWithoutEmployee = withoutEmployee.sorted()
        // A row returned by several queries is reported once.
        var seen = Set<String>()
        report.unreadableRows = unreadable.filter { seen.insert($0).inserted }
        return report
    }
}

/// A finger row read without assuming the schema's types held.
struct RawFinger {
    var pin: String?
    var slot: Int64?

    init(_ row: Row) {
        let pinValue: DatabaseValue = row["pin"]
        let slotValue: DatabaseValue = row["slot"]
        pin = String.fromDatabaseValue(pinValue)
        slot = Int64.fromDatabaseValue(slotValue)
    }
}

/// Everything the finger audit reads, taken in one snapshot.
struct FingerAuditSnapshot {
    var all: [RawFinger]
    var pinsWithSeveralSlots: [RawFinger]
    var slotsWithSeveralPins: [RawFinger]
    var withoutUser: [RawFinger]
    var orphans: [Int64]

    init(_ db: Database) throws {
        func fetch(_ sql: String) throws -> [RawFinger] { try Row.fetchAll(db, sql: sql).map(RawFinger.init) }
        all = try fetch("SELECT pin, slot FROM finger_slots ORDER BY slot, pin")
        pinsWithSeveralSlots = try fetch(
            """
            SELECT pin, slot FROM finger_slots
            WHERE pin IN (SELECT pin FROM finger_slots GROUP BY pin HAVING count(*) > 1)
            ORDER BY pin, slot
            """)
        slotsWithSeveralPins = try fetch(
            """
            SELECT pin, slot FROM finger_slots
            WHERE slot IN (SELECT slot FROM finger_slots GROUP BY slot HAVING count(*) > 1)
            ORDER BY slot, pin
            """)
        withoutUser = try fetch(
            "SELECT pin, slot FROM finger_slots WHERE pin IS NULL OR pin NOT IN (SELECT pin FROM users) ORDER BY slot")
        orphans = try Int64?.fetchAll(db, sql: "SELECT slot FROM orphan_slots ORDER BY slot").compactMap { $0 }
    }
}
