import Testing

@testable import HadirCore

@Suite struct LocalDateTimeTests {
    @Test func convertsUTCInstantToWIBWallTime() {
        // 2026-11-23T00:12:05Z is 07:12:05 WIB.
        let local = LocalDateTime(utcMilliseconds: 1_795_392_725_000, offsetSeconds: 25_200)
        #expect(local.description == "2026-11-23 07:12:05")
    }

    @Test func crossesMidnightAndMonthEndInWIT() {
        // 2026-01-31T15:30:00Z is 2026-02-01 00:30 WIT.
        let utc = LocalDateTime(year: 2026, month: 1, day: 31, hour: 15, minute: 30, second: 0).utcMilliseconds(offsetSeconds: 0)
        #expect(LocalDateTime(utcMilliseconds: utc, offsetSeconds: 9 * 3600).description == "2026-02-01 00:30:00")
    }

    @Test func roundTripsEveryDayAcrossLeapYears() {
        var utc = LocalDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59).utcMilliseconds(offsetSeconds: 0)
        for _ in 0..<(366 * 6) {
            let local = LocalDateTime(utcMilliseconds: utc, offsetSeconds: 28_800)
            #expect(local.utcMilliseconds(offsetSeconds: 28_800) == utc)
            utc += 86_400_000
        }
        #expect(
            LocalDateTime(year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0).dayNumber + 1
                == LocalDateTime(year: 2024, month: 3, day: 1, hour: 0, minute: 0, second: 0).dayNumber)
    }

    @Test func handlesInstantsBeforeTheEpoch() {
        #expect(LocalDateTime(utcMilliseconds: -1, offsetSeconds: 0).description == "1969-12-31 23:59:59")
    }
}
