import HadirCore

/// The outcome of ``HadirDatabase/assignFinger(pin:slot:template:replace:actor:)``.
///
/// A re-enroll stores the new template on the module first, then commits the database, then
/// deletes `replacedSlot` from the module. Until that delete succeeds the old slot stays in
/// `orphan_slots`, so a power cut in between leaves a to-do, not a second finger.
public struct FingerAssignment: Hashable, Sendable {
    /// The employee.
    public var pin: EmployeePIN
    /// The module slot that now holds the employee's finger.
    public var slot: UInt16
    /// The module slot of the employee's previous template, now in `orphan_slots`: delete it
    /// from the module, then call ``HadirDatabase/clearOrphan(slot:actor:)``. Nil for a first
    /// enroll or an in-place replacement.
    public var replacedSlot: UInt16?

    public init(pin: EmployeePIN, slot: UInt16, replacedSlot: UInt16?) {
        self.pin = pin
        self.slot = slot
        self.replacedSlot = replacedSlot
    }

    /// The finger as now stored.
    public var finger: FingerSlot { FingerSlot(pin: pin, slot: slot) }
}
