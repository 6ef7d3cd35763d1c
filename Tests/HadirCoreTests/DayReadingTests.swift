import HadirCore
import Testing

/// The day-reading rules of decision 0014, one at a time.
struct DayReadingTests {
    static let profile = AttendanceProfile.oganKomeringUlu  // late after 07:30, end of work 16:00

    static func at(_ text: String) -> LocalDateTime {
        let parts = text.split(separator: ":").map { Int($0)! }
        return LocalDateTime(year: 2026, month: 11, day: 2, hour: parts[0], minute: parts[1], second: parts.count > 2 ? parts[2] : 0)
    }

    @Test func singlePunchBeforeEndOfWorkIsAnArrivalWithoutDeparture() {
        let reading = DayReading([Self.at("15:59")], profile: Self.profile)
        #expect(reading.arrival == Self.at("15:59"))
        #expect(reading.departure == nil)
        #expect(reading.lateMinutes == 509)
        #expect(reading.earlyLeaveMinutes == 0)
    }

    @Test func singlePunchAtEndOfWorkIsADepartureWithoutArrival() {
        let reading = DayReading([Self.at("16:00")], profile: Self.profile)
        #expect(reading.arrival == nil)
        #expect(reading.departure == Self.at("16:00"))
        #expect(reading.lateMinutes == 0)
    }

    @Test func repeatedArrivalScanChangesNothing() {
        let once = DayReading([Self.at("07:40"), Self.at("16:30")], profile: Self.profile)
        let twice = DayReading([Self.at("07:41:30"), Self.at("16:30"), Self.at("07:40")], profile: Self.profile)
        #expect(once == twice)
        #expect(twice.lateMinutes == 10)
    }

    @Test func doubleScanAloneIsStillOneArrival() {
        let reading = DayReading([Self.at("07:00"), Self.at("07:09:59")], profile: Self.profile)
        #expect(reading.arrival == Self.at("07:00"))
        #expect(reading.departure == nil)
        #expect(reading.earlyLeaveMinutes == 0)
    }

    @Test func scansTenMinutesApartAreArrivalAndEarlyLeave() {
        let reading = DayReading([Self.at("07:00"), Self.at("07:10")], profile: Self.profile)
        #expect(reading.arrival == Self.at("07:00"))
        #expect(reading.departure == Self.at("07:10"))
        #expect(reading.earlyLeaveMinutes == 530)
    }

    @Test func lateAndEarlyCountWholeMinutesAsTheKioskDoes() {
        let reading = DayReading([Self.at("07:30:59"), Self.at("15:59:30")], profile: Self.profile)
        #expect(reading.lateMinutes == 0)
        #expect(reading.earlyLeaveMinutes == 1)
    }

    @Test func profileWithoutLateThresholdIsNeverLate() {
        let reading = DayReading([Self.at("10:00"), Self.at("16:00")], profile: .bulungan)
        #expect(reading.lateMinutes == 0)
    }
}
