import HadirCore
import Testing

/// The monthly report on a crafted WITA month whose every expected figure is worked out by hand
/// below, not by the code under test.
struct MonthlyReportTests {
    /// A WITA office with a late threshold (Bulungan publishes none): in from 06:30, late after
    /// 07:30, out 16:00-18:30.
    static let wita = try! AttendanceProfile(
        id: "kaltara", displayName: "Kabupaten Uji (WITA)", zone: .wita, checkInOpens: time("06:30"),
        lateAfter: time("07:30"), checkInCloses: nil, checkOutOpens: time("16:00"), checkOutCloses: time("18:30"))

    /// A punch at WITA local time "YYYY-MM-DD HH:MM:SS"; UTC is 8 hours earlier.
    static func punch(_ seq: Int64, _ pinText: String, _ local: String, offsetHours: Int32 = 8) -> Punch {
        let date = local.split(separator: " ")[0].split(separator: "-").map { Int($0)! }
        let clockTime = local.split(separator: " ")[1].split(separator: ":").map { Int($0)! }
        let localSeconds =
            Int64(LocalDate(year: date[0], month: date[1], day: date[2])!.dayNumber) * 86_400
            + Int64(clockTime[0] * 3600 + clockTime[1] * 60 + clockTime[2])
        var draft = draft(pinText, utc: (localSeconds - Int64(offsetHours) * 3600) * 1000)
        draft.zoneOffsetSeconds = offsetHours * 3600
        return Punch(seq: seq, draft: draft, previousHash: [], hash: [UInt8](repeating: UInt8(seq), count: 32))
    }

    static let november = ReportMonth(year: 2026, month: 11)!
    /// 2026-12-01 08:00 WITA: every November day has passed.
    static let afterNovember = (Int64(LocalDate(year: 2026, month: 12, day: 1)!.dayNumber) * 86_400 + 8 * 3600 - 8 * 3600) * 1000

    static let craftedPunches: [Punch] = [
        punch(1, "1001", "2026-10-31 23:30:00"),  // October in WITA: left out
        punch(2, "1001", "2026-11-02 07:12:00"), punch(3, "1001", "2026-11-02 16:05:00"),
        punch(4, "1001", "2026-11-03 07:47:30"), punch(5, "1001", "2026-11-03 16:10:00"),  // late 17 min
        punch(6, "1001", "2026-11-04 07:20:00"),  // one punch before 16:00: missing out
        punch(7, "1001", "2026-11-05 07:25:00"), punch(8, "1001", "2026-11-05 07:26:40"),  // double scan in
        punch(9, "1001", "2026-11-05 16:02:00"), punch(10, "1001", "2026-11-05 16:03:00"),  // double scan out
        punch(11, "1001", "2026-11-06 07:05:00"), punch(12, "1001", "2026-11-06 15:20:00"),  // early 40 min
        punch(13, "1001", "2026-11-09 07:00:00"), punch(14, "1001", "2026-11-09 23:50:00"),
        punch(15, "1001", "2026-11-10 00:30:00"),  // after midnight: Tuesday's only punch
        punch(16, "1001", "2026-11-11 16:20:00"),  // one punch after 16:00: missing in
        punch(17, "1001", "2026-11-14 08:00:00"), punch(18, "1001", "2026-11-14 12:00:00"),  // Saturday
        punch(19, "77", "2026-11-30 07:31:00"),  // not a registered user; late 1 min, missing out
        punch(20, "1001", "2026-12-01 00:10:00"),  // still Nov 30 in UTC, but December in WITA: left out
    ]

    static let crafted = MonthlyReport(
        month: november, punches: craftedPunches,
        employees: [Employee(pin: pin("1001"), name: "Siti Aminah"), Employee(pin: pin("1002"), name: "Budi")], profile: wita,
        settings: ReportSettings(officeName: "Kantor Uji"), deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: afterNovember)

    struct Row: Equatable, CustomStringConvertible {
        var day: Int, firstIn: String?, lastOut: String?, late: Int, early: Int, missingIn: Bool, missingOut: Bool, absent: Bool
        var description: String { "\(day) \(firstIn ?? "-") \(lastOut ?? "-") \(late)/\(early) \(missingIn) \(missingOut) \(absent)" }
    }

    static func row(_ day: DayAttendance) -> Row {
        Row(
            day: day.date.day, firstIn: day.firstIn, lastOut: day.lastOut, late: day.lateMinutes, early: day.earlyLeaveMinutes,
            missingIn: day.missingIn, missingOut: day.missingOut, absent: day.absent)
    }

    @Test func employeesAreEveryUserAndEveryPINThatPunchedInPINOrder() {
        #expect(Self.crafted.employees.map(\.pin.rawValue) == ["77", "1001", "1002"])
        #expect(Self.crafted.employees.map(\.name) == [nil, "Siti Aminah", "Budi"])
    }

    @Test func craftedWITAMonthReadsEachDayByHand() throws {
        let siti = try #require(Self.crafted.employees.first { $0.pin.rawValue == "1001" })
        #expect(siti.days.count == 30)
        let counted = [2, 3, 4, 5, 6, 9, 10, 11, 14]
        let expected: [Row] = [
            Row(day: 2, firstIn: "07:12:00", lastOut: "16:05:00", late: 0, early: 0, missingIn: false, missingOut: false, absent: false),
            Row(day: 3, firstIn: "07:47:30", lastOut: "16:10:00", late: 17, early: 0, missingIn: false, missingOut: false, absent: false),
            Row(day: 4, firstIn: "07:20:00", lastOut: nil, late: 0, early: 0, missingIn: false, missingOut: true, absent: false),
            Row(day: 5, firstIn: "07:25:00", lastOut: "16:03:00", late: 0, early: 0, missingIn: false, missingOut: false, absent: false),
            Row(day: 6, firstIn: "07:05:00", lastOut: "15:20:00", late: 0, early: 40, missingIn: false, missingOut: false, absent: false),
            Row(day: 9, firstIn: "07:00:00", lastOut: "23:50:00", late: 0, early: 0, missingIn: false, missingOut: false, absent: false),
            Row(day: 10, firstIn: "00:30:00", lastOut: nil, late: 0, early: 0, missingIn: false, missingOut: true, absent: false),
            Row(day: 11, firstIn: nil, lastOut: "16:20:00", late: 0, early: 0, missingIn: true, missingOut: false, absent: false),
            // Saturday: listed with its punches, nothing counted.
            Row(day: 14, firstIn: "08:00:00", lastOut: "12:00:00", late: 0, early: 0, missingIn: false, missingOut: false, absent: false),
        ]
        #expect(siti.days.filter { counted.contains($0.date.day) }.map(Self.row) == expected)
        #expect(siti.days.first { $0.date.day == 14 }?.kind == .dayOff)
        #expect(siti.days.first { $0.date.day == 5 }?.punchCount == 4)

        // The other working days of November 2026 (Mon-Fri; the 1st is a Sunday) are absent.
        let absentDays = [12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30]
        #expect(siti.days.filter(\.absent).map(\.date.day) == absentDays)
        let weekend = [1, 7, 8, 14, 15, 21, 22, 28, 29]
        #expect(siti.days.filter { $0.kind == .dayOff }.map(\.date.day) == weekend)
    }

    @Test func craftedWITAMonthTotalsByHand() throws {
        let siti = try #require(Self.crafted.employees.first { $0.pin.rawValue == "1001" }).totals
        #expect(siti.workingDays == 21)
        #expect(siti.daysPresent == 8)
        #expect(siti.daysAbsent == 13)
        #expect(siti.lateMinutes == 17)
        #expect(siti.earlyLeaveMinutes == 40)
        #expect(siti.missingIn == 1)
        #expect(siti.missingOut == 2)
        // 57 minutes / 450 = 0.1267 days -> 0.13.
        #expect(siti.deductionHundredths == 13)
        #expect(siti.deductionDays == "0.13")

        let unregistered = try #require(Self.crafted.employees.first { $0.pin.rawValue == "77" })
        #expect(
            unregistered.days.filter { $0.date.day == 30 }.map(Self.row) == [
                Row(day: 30, firstIn: "07:31:00", lastOut: nil, late: 1, early: 0, missingIn: false, missingOut: true, absent: false)
            ])
        #expect(unregistered.totals.daysPresent == 1)
        #expect(unregistered.totals.daysAbsent == 20)
    }

    @Test func employeeWithoutPunchesIsAbsentEveryWorkingDay() throws {
        let budi = try #require(Self.crafted.employees.first { $0.pin.rawValue == "1002" })
        #expect(budi.totals.workingDays == 21)
        #expect(budi.totals.daysPresent == 0)
        #expect(budi.totals.daysAbsent == 21)
        #expect(budi.totals.deductionDays == "0.00")
        #expect(budi.days.allSatisfy { $0.firstIn == nil && $0.lastOut == nil && $0.punchCount == 0 })
    }

    @Test func headerNamesTheProfileZoneAndTheIncludedJournalRows() throws {
        let report = Self.crafted
        #expect(report.zone == .wita)
        #expect(report.profileName == "Kabupaten Uji (WITA)")
        #expect(report.generatedAt == "2026-12-01 08:00:00")
        let journal = try #require(report.journal)
        // Seq 1 (October) and 20 (December in WITA) are outside the month.
        #expect(journal.firstSeq == 2)
        #expect(journal.lastSeq == 19)
        #expect(journal.punches == 18)
        #expect(journal.firstHash == String(repeating: "02", count: 32))
        #expect(journal.lastHash == String(repeating: "13", count: 32))
    }

    @Test func emptyMonthHasNoEmployeesAndNoJournalRange() {
        let report = MonthlyReport(
            month: Self.november, punches: [], employees: [], profile: Self.wita, settings: ReportSettings(), deviceSerial: "HDR-TEST",
            generatedAtUTCMilliseconds: Self.afterNovember)
        #expect(report.employees.isEmpty)
        #expect(report.journal == nil)
    }

    @Test func leapFebruaryHas29DaysAnd21WorkingDays() throws {
        let month = try #require(ReportMonth(parsing: "2028-02"))
        #expect(month.days.count == 29)
        let report = MonthlyReport(
            month: month, punches: [Self.punch(1, "1001", "2028-02-29 07:10:00"), Self.punch(2, "1001", "2028-02-29 16:00:00")],
            employees: [Employee(pin: pin("1001"), name: "Siti")], profile: Self.wita, settings: ReportSettings(),
            deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: Self.afterNovember + 86_400_000 * 800)
        let siti = try #require(report.employees.first)
        // Tue 1 - Fri 4, three full weeks, Mon 28 - Tue 29.
        #expect(siti.totals.workingDays == 21)
        #expect(siti.totals.daysPresent == 1)
        #expect(
            siti.days.last.map(Self.row)
                == Row(
                    day: 29, firstIn: "07:10:00", lastOut: "16:00:00", late: 0, early: 0, missingIn: false, missingOut: false, absent: false
                ))
        #expect(try #require(ReportMonth(parsing: "2026-02")).days.count == 28)
    }

    @Test func holidayIsNeitherAbsentNorPresent() throws {
        let december = try #require(ReportMonth(parsing: "2026-12"))
        let christmas = try #require(LocalDate(parsing: "2026-12-25"))
        let report = MonthlyReport(
            month: december, punches: [Self.punch(1, "1001", "2026-12-25 09:00:00")],
            employees: [Employee(pin: pin("1001"), name: "Siti")], profile: Self.wita,
            settings: ReportSettings(holidays: [christmas]), deviceSerial: "HDR-TEST",
            generatedAtUTCMilliseconds: Self.afterNovember + 86_400_000 * 40)
        let siti = try #require(report.employees.first)
        let holiday = try #require(siti.days.first { $0.date == christmas })
        #expect(holiday.kind == .holiday)
        #expect(holiday.firstIn == "09:00:00")
        #expect(!holiday.absent && !holiday.missingOut && holiday.lateMinutes == 0)
        // December 2026 has 23 weekdays; the 25th (a Friday) is a holiday.
        #expect(siti.totals.workingDays == 22)
        #expect(siti.totals.daysPresent == 0)
        #expect(siti.totals.daysAbsent == 22)
    }

    @Test func daysAfterTheReportDateAreUpcomingNotAbsent() throws {
        // Made on 2026-11-10 at 08:00 WITA.
        let tenth = Self.afterNovember - 86_400_000 * 21
        let report = MonthlyReport(
            month: Self.november, punches: [], employees: [Employee(pin: pin("1001"), name: "Siti")], profile: Self.wita,
            settings: ReportSettings(), deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: tenth)
        let siti = try #require(report.employees.first)
        #expect(report.generatedAt == "2026-11-10 08:00:00")
        // Mon 2 - Fri 6, Mon 9, Tue 10.
        #expect(siti.totals.daysAbsent == 7)
        #expect(siti.days.filter(\.upcoming).map(\.date.day) == Array(11...30))
    }

    @Test func customWorkingWeekCountsSaturday() throws {
        let settings = ReportSettings(workingDays: Weekday.mondayToFriday.union([.saturday]))
        let report = MonthlyReport(
            month: Self.november, punches: Self.craftedPunches, employees: [], profile: Self.wita, settings: settings,
            deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: Self.afterNovember)
        let siti = try #require(report.employees.first { $0.pin.rawValue == "1001" })
        // Four Saturdays more; the 14th had punches 08:00 and 12:00: late 30, early 240.
        #expect(siti.totals.workingDays == 25)
        #expect(siti.totals.daysPresent == 9)
        #expect(siti.totals.lateMinutes == 17 + 30)
        #expect(siti.totals.earlyLeaveMinutes == 40 + 240)
    }
}
