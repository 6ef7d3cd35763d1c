import HadirCore

/// What `hadirctl audit-fingers` reports: every way the single-finger rule or the module's
/// library can disagree with the database.
///
/// The schema forbids most of these; the audit exists for databases that were hand-edited,
/// imported from legacy machines, or left behind by a power cut between two steps.
public struct FingerAuditReport: Hashable, Sendable {
    /// Employees recorded with more than one slot, with their slots in order.
    public var employeesWithMultipleSlots: [EmployeePIN: [UInt16]]
    /// Slots recorded under more than one employee.
    public var slotsWithMultipleEmployees: [UInt16: [EmployeePIN]]
    /// Slots that hold (or may hold) a template but belong to no employee, in order: the
    /// `orphan_slots` still to delete, finger rows of employees missing from `users`, and, when
    /// the module was read, occupied module slots absent from `finger_slots`.
    public var slotsWithoutEmployee: [UInt16]
    /// The part of ``slotsWithoutEmployee`` already queued in `orphan_slots` (the daemon deletes
    /// them from the module at its next chance).
    public var pendingOrphanSlots: [UInt16]
    /// Employees' slots that are empty on the module, in order; empty when the module was not read.
    public var slotsMissingOnModule: [UInt16]
    /// Whether the module's occupied slots were compared.
    public var moduleChecked: Bool
    /// Rows that could not be read at all (bad PIN or slot), described.
    public var unreadableRows: [String]

    public init(
        employeesWithMultipleSlots: [EmployeePIN: [UInt16]] = [:],
        slotsWithMultipleEmployees: [UInt16: [EmployeePIN]] = [:],
        slotsWithoutEmployee: [UInt16] = [], pendingOrphanSlots: [UInt16] = [], slotsMissingOnModule: [UInt16] = [],
        moduleChecked: Bool = false, unreadableRows: [String] = []
    ) {
        self.employeesWithMultipleSlots = employeesWithMultipleSlots
        self.slotsWithMultipleEmployees = slotsWithMultipleEmployees
        self.slotsWithoutEmployee = slotsWithoutEmployee
        self.pendingOrphanSlots = pendingOrphanSlots
        self.slotsMissingOnModule = slotsMissingOnModule
        self.moduleChecked = moduleChecked
        self.unreadableRows = unreadableRows
    }

    /// True when the audit found nothing to fix.
    public var isClean: Bool {
        employeesWithMultipleSlots.isEmpty && slotsWithMultipleEmployees.isEmpty && slotsWithoutEmployee.isEmpty
            && slotsMissingOnModule.isEmpty && unreadableRows.isEmpty
    }
}
