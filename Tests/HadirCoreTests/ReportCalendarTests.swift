import HadirCore
import Testing

struct ReportCalendarTests {
    @Test func weekdaysOfKnownDates() throws {
        #expect(try #require(LocalDate(parsing: "1970-01-01")).weekday == .thursday)
        #expect(try #require(LocalDate(parsing: "2026-11-01")).weekday == .sunday)
        #expect(try #require(LocalDate(parsing: "2028-02-29")).weekday == .tuesday)
        #expect(try #require(LocalDate(parsing: "1969-12-29")).weekday == .monday)
    }

    @Test func monthAndDateParsingRefusesNonsense() {
        #expect(ReportMonth(parsing: "2026-13") == nil)
        #expect(ReportMonth(parsing: "2026-1") == nil)
        #expect(ReportMonth(parsing: "26-11") == nil)
        #expect(ReportMonth(parsing: "2026-11")?.description == "2026-11")
        #expect(LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(parsing: "2028-02-29") != nil)
    }

    @Test func defaultMonthIsThePreviousOne() throws {
        #expect(ReportMonth.previous(to: try #require(LocalDate(parsing: "2027-01-03"))).description == "2026-12")
        #expect(ReportMonth.previous(to: try #require(LocalDate(parsing: "2026-12-05"))).description == "2026-11")
    }

    @Test func monthRangeIsLocalMidnightToLocalMidnight() throws {
        let range = try #require(ReportMonth(parsing: "2026-11")).utcRange(offsetSeconds: 8 * 3600)
        // 2026-11-01 00:00 WITA is 2026-10-31 16:00 UTC; December starts 30 days later.
        #expect(range.lowerBound == 1_793_462_400_000)
        #expect(range.upperBound - range.lowerBound == 30 * 86_400_000)
    }

    @Test func deductionDaysRoundHalfUpToHundredths() {
        func days(late: Int, early: Int = 0) -> String {
            var totals = MonthlyTotals([])
            totals.lateMinutes = late
            totals.earlyLeaveMinutes = early
            return totals.deductionDays
        }
        #expect(days(late: 0) == "0.00")
        #expect(days(late: 1) == "0.00")
        #expect(days(late: 3) == "0.01")  // 0.0067
        #expect(days(late: 60) == "0.13")  // 0.1333
        #expect(days(late: 200, early: 25) == "0.50")
        #expect(days(late: 450) == "1.00")
        #expect(days(late: 900, early: 7) == "2.02")  // 2.0156
    }
}
