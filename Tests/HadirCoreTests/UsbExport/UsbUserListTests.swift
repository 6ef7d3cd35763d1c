import Testing

@testable import HadirCore

@Suite struct UsbUserListTests {
    func employee(_ pin: String, _ name: String) throws -> Employee { Employee(pin: try EmployeePIN(pin), name: name) }

    func parse(_ text: String) throws(UsbUserList.Problem) -> [Employee] { try UsbUserList.parse(Array(text.utf8)) }

    @Test func readsCommaSemicolonAndTabListsWithHeaderBOMAndCRLF() throws {
        let expected = [try employee("1001", "Siti Rahma"), try employee("1002", "Budi")]
        #expect(try parse("pin,name\r\n1001,Siti Rahma\r\n1002,Budi\r\n") == expected)
        #expect(try UsbUserList.parse([0xEF, 0xBB, 0xBF] + Array("PIN;Nama\n1001; Siti Rahma \n\n1002;Budi".utf8)) == expected)
        #expect(try parse("1001\tSiti Rahma\n1002\tBudi\n") == expected)
    }

    @Test func quotedNamesKeepSeparatorsAndQuotes() throws {
        let parsed = try parse("1001,\"Rahma, S.Kom\"\n1002,\"Budi \"\"Bud\"\" Santoso\"\n")
        #expect(parsed == [try employee("1001", "Rahma, S.Kom"), try employee("1002", "Budi \"Bud\" Santoso")])
    }

    @Test func oneBadLineRefusesTheListNamingTheLine() {
        #expect(throws: UsbUserList.Problem(line: 2, reason: "expected PIN and name, found 3 field(s)")) {
            try parse("1001,Siti\n1002,Budi,extra\n")
        }
        #expect(throws: UsbUserList.Problem(line: 1, reason: "name must be 1-64 characters")) { try parse("1001,\n") }
        #expect(throws: UsbUserList.Problem(line: 3, reason: "PIN 1001 is already on line 1")) {
            try parse("1001,Siti\n1002,Budi\n1001,Ani\n")
        }
        #expect(throws: UsbUserList.Problem(line: 1, reason: "a quote is not closed")) { try parse("1001,\"Siti\n") }
        #expect(throws: UsbUserList.Problem.self) { try parse("12 34,Siti\n") }
        #expect(throws: UsbUserList.Problem(line: 1, reason: "name must be 1-64 characters")) {
            try parse("1001," + String(repeating: "a", count: 65))
        }
    }

    @Test func anEmptyFileIsAnEmptyList() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("pin,name\r\n\r\n").isEmpty)
    }

    @Test func onlyNewOrRenamedEmployeesAreSent() throws {
        let listed = [try employee("1001", "Siti"), try employee("1002", "Budi Santoso"), try employee("1003", "Ani")]
        let existing = [try employee("1001", "Siti"), try employee("1002", "Budi"), try employee("1009", "Rahmat")]
        #expect(UsbUserList.changes(listed, existing: existing) == [try employee("1002", "Budi Santoso"), try employee("1003", "Ani")])
    }
}
