import Testing

@testable import HadirCore

@Suite struct EnrollmentRuleTests {
    @Test func employeeWithoutFingerMayEnroll() {
        #expect(EnrollmentRule.admit(employee: pin("1"), existingSlot: nil, replace: false) == .newFinger)
    }

    @Test func secondFingerIsRefusedUnlessReplacing() {
        #expect(EnrollmentRule.admit(employee: pin("1"), existingSlot: 4, replace: false) == .refused(.employeeAlreadyHasFinger(slot: 4)))
        #expect(EnrollmentRule.admit(employee: pin("1"), existingSlot: 4, replace: true) == .replacing(oldSlot: 4))
    }

    @Test func fingerOwnedByAnotherEmployeeIsRefusedNamingTheOwner() {
        let refusal = EnrollmentRule.checkMatch(employee: pin("1"), matchedSlot: 7, matchedOwner: pin("2"), admission: .newFinger)
        #expect(refusal == .fingerOwnedByAnotherEmployee(pin("2"), slot: 7))
        #expect(refusal?.description.contains("employee 2") == true)
    }

    @Test func replacingWithTheSameFingerIsAllowedButNotKeepingTwo() {
        #expect(
            EnrollmentRule.checkMatch(employee: pin("1"), matchedSlot: 4, matchedOwner: pin("1"), admission: .replacing(oldSlot: 4)) == nil)
        #expect(
            EnrollmentRule.checkMatch(employee: pin("1"), matchedSlot: 9, matchedOwner: pin("1"), admission: .newFinger)
                == .employeeAlreadyHasFinger(slot: 9))
    }

    @Test func fingerInAnUnownedSlotIsRefused() {
        #expect(
            EnrollmentRule.checkMatch(employee: pin("1"), matchedSlot: 3, matchedOwner: nil, admission: .newFinger)
                == .fingerInUnownedSlot(slot: 3))
        #expect(EnrollmentRule.checkMatch(employee: pin("1"), matchedSlot: nil, matchedOwner: nil, admission: .newFinger) == nil)
    }
}
