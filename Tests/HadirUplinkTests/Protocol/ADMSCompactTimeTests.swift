import HadirCore
import Testing

@testable import HadirUplink

struct ADMSCompactTimeTests {
    /// Values worked out by hand from the formula (2015-07-30 is ATTLOG's reference example).
    static let knownValues: [(LocalDateTime, Int64)] = [
        (ADMSFixtures.time(2015, 7, 30, 15, 16, 28), 500_742_988), (ADMSFixtures.time(2000, 1, 1), 0),
        (ADMSFixtures.time(2000, 1, 1, 0, 0, 1), 1), (ADMSFixtures.time(2000, 1, 2), 86_400), (ADMSFixtures.time(2000, 2, 1), 2_678_400),
        (ADMSFixtures.time(2001, 1, 1), 32_140_800), (ADMSFixtures.time(2018, 2, 27, 14, 51, 0), 583_512_660),
        (ADMSFixtures.time(2024, 2, 29, 12, 0, 0), 776_520_000), (ADMSFixtures.time(2099, 12, 31, 23, 59, 59), 3_214_079_999),
    ]

    @Test(arguments: knownValues)
    func formulaGivesTheKnownValues(time: LocalDateTime, code: Int64) throws {
        #expect(try ADMSCompactTime.encode(time) == code)
        #expect(try ADMSCompactTime.decode(code) == time)
    }

    @Test func everyDayOfEveryYearRoundTrips() throws {
        var random = SplitMix64(seed: 2015)
        for year in ADMSCompactTime.years {
            for month in 1...12 {
                for day in 1...ADMSLocalTime.daysInMonth(year: year, month: month) {
                    let time = ADMSFixtures.time(
                        year, month, day, Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random),
                        Int.random(in: 0...59, using: &random))
                    #expect(try ADMSCompactTime.decode(ADMSCompactTime.encode(time)) == time)
                }
            }
        }
    }

    @Test func impossibleTimesAreNotEncoded() {
        for time in [
            ADMSFixtures.time(1999, 12, 31, 23, 59, 59), ADMSFixtures.time(2100, 1, 1), ADMSFixtures.time(2015, 2, 29),
            ADMSFixtures.time(2015, 4, 31), ADMSFixtures.time(2015, 13, 1), ADMSFixtures.time(2015, 0, 1), ADMSFixtures.time(2015, 1, 0),
            ADMSFixtures.time(2015, 1, 1, 24, 0, 0), ADMSFixtures.time(2015, 1, 1, 0, 60, 0), ADMSFixtures.time(2015, 1, 1, 0, 0, 60),
        ] {
            #expect(throws: ADMSCompactTimeError.invalidTime(time)) { try ADMSCompactTime.encode(time) }
        }
    }

    @Test func impossibleCodesAreNotDecoded() {
        #expect(throws: ADMSCompactTimeError.outOfRange(-1)) { try ADMSCompactTime.decode(-1) }
        #expect(throws: ADMSCompactTimeError.outOfRange(3_214_080_000)) { try ADMSCompactTime.decode(3_214_080_000) }
        #expect(throws: ADMSCompactTimeError.outOfRange(Int64.max)) { try ADMSCompactTime.decode(Int64.max) }
        // Day index 29 of month index 1 is 30 February; day 31 of April; 29 February in a common year.
        let day: Int64 = 86_400
        let year2015: Int64 = 15 * 372
        let february30 = (year2015 + 31 + 29) * day
        #expect(throws: ADMSCompactTimeError.invalidTime(ADMSFixtures.time(2015, 2, 30))) { try ADMSCompactTime.decode(february30) }
        let april31 = (year2015 + 3 * 31 + 30) * day
        #expect(throws: ADMSCompactTimeError.invalidTime(ADMSFixtures.time(2015, 4, 31))) { try ADMSCompactTime.decode(april31) }
        let february29Of2015 = (year2015 + 31 + 28) * day
        let february29Of2016 = (year2015 + 372 + 31 + 28) * day
        #expect(throws: ADMSCompactTimeError.invalidTime(ADMSFixtures.time(2015, 2, 29))) { try ADMSCompactTime.decode(february29Of2015) }
        #expect(throws: Never.self) { try ADMSCompactTime.decode(february29Of2016) }
    }

    @Test func decimalTextIsDecodedAndEverythingElseRefused() throws {
        #expect(try ADMSCompactTime.decode(text: " 583512660 ") == ADMSFixtures.time(2018, 2, 27, 14, 51, 0))
        for text in ["", "abc", "-5", "+5", "12 34", "5.0", "9999999999999"] {
            #expect(throws: ADMSCompactTimeError.self, "\(text)") { try ADMSCompactTime.decode(text: text) }
        }
    }
}

struct ADMSLocalTimeTests {
    @Test func formatIsZeroPaddedWithASpace() {
        #expect(ADMSLocalTime.format(ADMSFixtures.time(2015, 7, 3, 5, 6, 8)) == "2015-07-03 05:06:08")
        #expect(ADMSLocalTime.format(ADMSFixtures.time(2015, 2, 29)) == nil)
        #expect(ADMSLocalTime.format(ADMSFixtures.time(999, 1, 1)) == nil)
        #expect(ADMSLocalTime.format(ADMSFixtures.time(10_000, 1, 1)) == nil)
    }

    static let parsable: [(String, LocalDateTime)] = [
        ("2015-07-29 23:59:59", ADMSFixtures.time(2015, 7, 29, 23, 59, 59)), ("2015-07-29T08:00:00", ADMSFixtures.time(2015, 7, 29, 8)),
        ("2015-7-9 8:05:00", ADMSFixtures.time(2015, 7, 9, 8, 5)), (" 2015-07-29  08:00 ", ADMSFixtures.time(2015, 7, 29, 8)),
        ("2024-02-29 00:00:00", ADMSFixtures.time(2024, 2, 29)), ("2000-02-29 00:00:00", ADMSFixtures.time(2000, 2, 29)),
    ]

    @Test(arguments: parsable)
    func parseAcceptsTheProtocolAndISOForms(text: String, time: LocalDateTime) {
        #expect(ADMSLocalTime.parse(text) == time)
    }

    @Test(arguments: [
        "", "2015-07-29", "08:00:00", "2015-02-29 00:00:00", "1900-02-29 00:00:00", "2015-13-01 00:00:00", "2015-07-32 00:00:00",
        "2015-07-29 24:00:00", "2015-07-29 23:60:00", "2015-07-29 23:59:60", "15-07-29 00:00:00", "2015-07-29 00:00:00 extra",
        "2015-07-29 00:00:00:00", "2015/07/29 00:00:00", "2015-07-29 0a:00:00", "2015--07-29 00:00:00", "2015-07-29 -1:00:00",
    ])
    func parseRefusesAnythingElse(text: String) {
        #expect(ADMSLocalTime.parse(text) == nil)
    }
}
