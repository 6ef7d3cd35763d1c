import Testing

@testable import HadirDaemon

@Suite struct TOMLKeyLocatorTests {
    @Test func findsKeysUnderTheirSections() {
        let locator = TOMLKeyLocator(source: "# top\n[device]\nserial = \"x\"\n\n[ scanner ]\n  baud=9600\n\"path\" = \"/dev/x\"\n")
        #expect(locator.line(of: "device.serial") == 3)
        #expect(locator.line(of: "scanner.baud") == 6)
        #expect(locator.line(of: "scanner.path") == 7)
        #expect(locator.line(of: "scanner") == 5)
        // An absent key points at its section.
        #expect(locator.line(of: "scanner.address") == 5)
        #expect(locator.line(of: "nowhere.key") == nil)
    }

    /// Found by the config fuzzer: a dotted key at the top (`"". Ea. Eaud = 1`) defines its tables
    /// on its own line, and errors about those tables need that line.
    @Test func dottedKeysLocateTheirTables() {
        let locator = TOMLKeyLocator(source: "# top\nscanner.baud = 9600\n\"\". Ea. Eaud = 1\n")
        #expect(locator.line(of: "scanner") == 2)
        #expect(locator.line(of: "scanner.baud") == 2)
        #expect(locator.line(of: "") == 3)
        #expect(locator.line(of: ".Ea") == 3)
    }
}
