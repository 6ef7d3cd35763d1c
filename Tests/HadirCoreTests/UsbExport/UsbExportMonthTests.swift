import Testing

@testable import HadirCore

@Suite struct UsbExportMonthTests {
    func month(_ text: String) -> ReportMonth { ReportMonth(parsing: text)! }

    @Test(arguments: 1...5) func daysOneToFiveExportThePreviousMonth(day: Int) {
        #expect(UsbExportMonth.choose(today: LocalDate(year: 2026, month: 12, day: day)!) == month("2026-11"))
    }

    @Test(arguments: 6...31) func fromDaySixTheCurrentMonthSoFar(day: Int) {
        #expect(UsbExportMonth.choose(today: LocalDate(year: 2026, month: 12, day: day)!) == month("2026-12"))
    }

    @Test func januaryReachesBackToDecemberOfTheYearBefore() {
        #expect(UsbExportMonth.choose(today: LocalDate(year: 2027, month: 1, day: 5)!) == month("2026-12"))
        #expect(UsbExportMonth.choose(today: LocalDate(year: 2027, month: 1, day: 6)!) == month("2027-01"))
    }
}
