import HadirCore
import HadirPull
import Testing

struct ZKDateTimeTests {
    static let wib = 7 * 3600
    static let wita = 8 * 3600
    static let wit = 9 * 3600

    /// 2024-03-15 01:30:45.250 UTC.
    static let instant: Int64 = 1_710_466_245_250

    @Test func convertsAUTCInstantToWIBWITAAndWIT() {
        #expect(
            ZKDateTime(utcMilliseconds: Self.instant, zoneOffsetSeconds: Self.wib)
                == ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45))
        #expect(
            ZKDateTime(utcMilliseconds: Self.instant, zoneOffsetSeconds: Self.wita)
                == ZKDateTime(year: 2024, month: 3, day: 15, hour: 9, minute: 30, second: 45))
        #expect(
            ZKDateTime(utcMilliseconds: Self.instant, zoneOffsetSeconds: Self.wit)
                == ZKDateTime(year: 2024, month: 3, day: 15, hour: 10, minute: 30, second: 45))
        #expect(
            ZKDateTime(utcMilliseconds: Self.instant, zoneOffsetSeconds: 0)
                == ZKDateTime(year: 2024, month: 3, day: 15, hour: 1, minute: 30, second: 45))
    }

    @Test func localNewYearInWIBIsTheEveningBeforeInUTC() {
        // 2024-12-31 17:00:00 UTC.
        let utc: Int64 = 1_735_664_400_000
        #expect(
            ZKDateTime(utcMilliseconds: utc, zoneOffsetSeconds: Self.wib)
                == ZKDateTime(year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        #expect(
            ZKDateTime(utcMilliseconds: utc - 1, zoneOffsetSeconds: Self.wib)
                == ZKDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        #expect(
            ZKDateTime(year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0).utcMilliseconds(zoneOffsetSeconds: Self.wib)
                == utc)
    }

    @Test func wallTimeMapsBackToItsInstantInEachIndonesianZone() {
        var rng = SplitMix64(seed: 20_240_315)
        // 2000-01-01 to 2099-12-31, in whole seconds.
        let range: ClosedRange<Int64> = 946_684_800_000...4_102_444_799_000
        for _ in 0..<2000 {
            let utc = Int64.random(in: range, using: &rng) / 1000 * 1000
            for zone in [Self.wib, Self.wita, Self.wit] {
                let local = ZKDateTime(utcMilliseconds: utc, zoneOffsetSeconds: zone)
                #expect(local.isValid)
                #expect(local.utcMilliseconds(zoneOffsetSeconds: zone) == utc)
            }
        }
    }

    @Test func subSecondInstantsRoundDownEvenBefore1970() {
        #expect(
            ZKDateTime(utcMilliseconds: -1, zoneOffsetSeconds: 0)
                == ZKDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        #expect(
            ZKDateTime(utcMilliseconds: 999, zoneOffsetSeconds: 0)
                == ZKDateTime(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0))
    }

    @Test func agreesWithADayByDayWalkFrom1970To2100() {
        var expected = ZKDateTime(year: 1970, month: 1, day: 1, hour: 12, minute: 0, second: 0)
        let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for dayNumber in 0..<(131 * 366) where expected.year <= 2100 {
            let noon = Int64(dayNumber) * 86_400_000 + 43_200_000
            #expect(ZKDateTime(utcMilliseconds: noon, zoneOffsetSeconds: 0) == expected)
            #expect(expected.utcMilliseconds(zoneOffsetSeconds: 0) == noon)
            // Advance by hand: leap year = divisible by 4, except centuries not divisible by 400.
            let leap = expected.year % 4 == 0 && (expected.year % 100 != 0 || expected.year % 400 == 0)
            let length = expected.month == 2 && leap ? 29 : daysInMonth[expected.month - 1]
            expected.day += 1
            if expected.day > length {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 {
                    expected.month = 1
                    expected.year += 1
                }
            }
        }
        #expect(expected.year == 2101)
    }

    @Test func leapDaysAreValidOnlyInLeapYears() {
        #expect(ZKDateTime(year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0).isValid)
        #expect(ZKDateTime(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0).isValid)
        #expect(!ZKDateTime(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0).isValid)
        #expect(!ZKDateTime(year: 1900, month: 2, day: 29, hour: 0, minute: 0, second: 0).isValid)
        #expect(!ZKDateTime(year: 2100, month: 2, day: 29, hour: 0, minute: 0, second: 0).isValid)
    }

    @Test func impossibleWallTimesAreInvalidAndHaveNoInstant() {
        let impossible = [
            ZKDateTime(year: 2024, month: 2, day: 30, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 4, day: 31, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 13, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 0, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: -1, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 0, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 32, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 1, hour: 24, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 1, hour: -1, minute: 0, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 60, second: 0),
            ZKDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 60),
            ZKDateTime(year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: Int.max, month: 1, day: 1, hour: 0, minute: 0, second: 0),
        ]
        for time in impossible {
            #expect(!time.isValid, "\(time)")
            #expect(time.utcMilliseconds(zoneOffsetSeconds: Self.wib) == nil, "\(time)")
        }
    }

    @Test func absurdZoneOffsetsNeitherTrapNorInvent() {
        let time = ZKDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        #expect(time.utcMilliseconds(zoneOffsetSeconds: Int.max) == nil)
        #expect(time.utcMilliseconds(zoneOffsetSeconds: Int.min) == nil)
        _ = ZKDateTime(utcMilliseconds: Int64.max, zoneOffsetSeconds: Int.max)
        _ = ZKDateTime(utcMilliseconds: Int64.min, zoneOffsetSeconds: Int.min)
    }

    @Test func ordersChronologicallyFieldByField() {
        let early = ZKDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)
        let late = ZKDateTime(year: 2024, month: 3, day: 1, hour: 0, minute: 0, second: 0)
        #expect(early < late)
        #expect(!(late < early))
        #expect([late, early].sorted() == [early, late])
    }

    @Test func describesItselfZeroPadded() {
        #expect(ZKDateTime(year: 2024, month: 3, day: 5, hour: 8, minute: 0, second: 7).description == "2024-03-05 08:00:07")
    }
}
