/// The single-finger rule: one finger per employee, and one physical finger never under two
/// employees. Regional rules delete both prints of a person found with two, so the kiosk refuses
/// before that can happen.
public enum EnrollmentRule {
    /// Checked before the finger is scanned.
    public static func admit(
        employee: EmployeePIN, existingSlot: UInt16?, replace: Bool
    ) -> EnrollmentAdmission {
        guard let existingSlot else { return .newFinger }
        return replace ? .replacing(oldSlot: existingSlot) : .refused(.employeeAlreadyHasFinger(slot: existingSlot))
    }

    /// Checked after the module's 1:N search: `matchedOwner` owns the slot the finger matched.
    public static func checkMatch(
        employee: EmployeePIN, matchedSlot: UInt16?, matchedOwner: EmployeePIN?, admission: EnrollmentAdmission
    ) -> EnrollmentRefusal? {
        guard let matchedSlot else { return nil }
        guard let matchedOwner else { return .fingerInUnownedSlot(slot: matchedSlot) }
        if matchedOwner != employee { return .fingerOwnedByAnotherEmployee(matchedOwner, slot: matchedSlot) }
        // The same person's finger: only a replacement of that very slot may go on.
        if case .replacing(let oldSlot) = admission, oldSlot == matchedSlot { return nil }
        return .employeeAlreadyHasFinger(slot: matchedSlot)
    }
}

/// What the rule allows before scanning.
public enum EnrollmentAdmission: Hashable, Sendable {
    case newFinger
    case replacing(oldSlot: UInt16)
    case refused(EnrollmentRefusal)
}

/// Why an enrollment was refused.
public enum EnrollmentRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The employee already has their one finger (use replace to re-enroll).
    case employeeAlreadyHasFinger(slot: UInt16)
    /// The physical finger is enrolled under someone else.
    case fingerOwnedByAnotherEmployee(EmployeePIN, slot: UInt16)
    /// The module holds this finger in a slot no employee owns (legacy data; run audit-fingers).
    case fingerInUnownedSlot(slot: UInt16)

    public var description: String {
        switch self {
        case .employeeAlreadyHasFinger(let slot):
            "employee already has a finger enrolled (slot \(slot)); use replace to re-enroll"
        case .fingerOwnedByAnotherEmployee(let owner, let slot):
            "this finger is already enrolled for employee \(owner) (slot \(slot))"
        case .fingerInUnownedSlot(let slot):
            "this finger is stored in module slot \(slot), which belongs to no employee; run audit-fingers"
        }
    }
}
