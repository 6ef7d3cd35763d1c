import Testing

@testable import HadirControl

@Suite struct CSVTableTests {
    @Test func rowsEndInCRLFAndPlainCellsStayBare() {
        var table = CSVTable(header: ["pin", "name"])
        table.append(["1001", "Siti Rahma"])
        #expect(table.text == "pin,name\r\n1001,Siti Rahma\r\n")
    }

    @Test(arguments: [
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("", ""),
    ])
    func fieldsNeedingQuotesAreQuoted(value: String, cell: String) {
        #expect(CSVTable.field(value) == cell)
    }

    @Test(arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+cmd", "'+cmd"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rx", "\"'\rx\""),
    ])
    func formulaLikeCellsAreDefused(value: String, cell: String) {
        #expect(CSVTable.field(value) == cell)
    }

    @Test(arguments: ["-5", "+7", "-0.25", "1e3"])
    func signedNumbersAreNotMistakenForFormulas(value: String) {
        #expect(CSVTable.field(value) == value)
    }

    @Test func aTableParsesBackIntoItsCells() {
        var table = CSVTable(header: ["pin", "note"])
        let rows = [["1", "a,b"], ["2", "q\"uote"], ["3", "line\r\nbreak"], ["4", ""]]
        for row in rows { table.append(row) }
        #expect(Self.parse(table.text) == [["pin", "note"]] + rows)
    }

    /// A minimal RFC 4180 reader, enough to prove the writer's quoting is reversible.
    private static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        characters.removeFirst()
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(cell)
                cell = ""
            case "\r" where characters.first == "\n":
                characters.removeFirst()
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            default: cell.unicodeScalars.append(scalar)
            }
        }
        return rows
    }
}
