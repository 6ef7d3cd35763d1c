import Testing

@testable import HadirCore

@Suite struct EmployeePINTests {
    @Test func acceptsNineteenDigitNIP() throws {
        #expect(try EmployeePIN("198503302010011002").rawValue == "198503302010011002")
    }

    @Test func rejectsEmptyTooLongAndNonAlphanumeric() {
        #expect(throws: EmployeePINError.empty) { try EmployeePIN("") }
        #expect(throws: EmployeePINError.tooLong(25)) { try EmployeePIN(String(repeating: "1", count: 25)) }
        #expect(throws: EmployeePINError.invalidCharacters("12 3")) { try EmployeePIN("12 3") }
        #expect(throws: EmployeePINError.invalidCharacters("éé")) { try EmployeePIN("éé") }
    }

    @Test func numericPINsSortNumerically() {
        #expect([pin("10"), pin("9"), pin("100")].sorted() == [pin("9"), pin("10"), pin("100")])
        #expect([pin("b"), pin("a")].sorted() == [pin("a"), pin("b")])
    }
}
