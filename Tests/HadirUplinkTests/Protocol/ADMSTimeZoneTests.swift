import Testing

@testable import HadirUplink

struct ADMSTimeZoneTests {
    @Test(arguments: [
        ("8", 480), ("-8", -480), ("+8", 480), ("7", 420), ("0", 0), ("14", 840), ("-12", -720), ("08", 480),
        ("420", 420), ("-420", -420), ("330", 330), ("-210", -210), ("840", 840), ("60", 60),
        ("5.5", 330), ("-3.5", -210), ("5.75", 345), ("9.50", 570), ("8.0", 480),
        ("+05:30", 330), ("-03:30", -210), ("-3:30", -210), ("+5:45", 345), ("07:00", 420), ("14:00", 840),
        ("GMT+7", 420), ("UTC-3", -180), ("UTC+05:30", 330), (" 8 ", 480),
    ])
    func usableValuesGiveMinutesEastOfUTC(value: String, minutes: Int) {
        #expect(ADMSTimeZone.offsetMinutes(parsing: value) == minutes)
    }

    @Test(arguments: [
        "99", "abc", "", " ", "15", "59", "-30", "900", "-845", "14:30", "15:00", "5.3", "5.05", "+", "-", "8h", "1e3", "7:5", "7:005",
        "5:60", "5.", ".5", "1.2.3", "+-8", "0x8", "08:00:00", "١", "123456789012345",
    ])
    func nonsenseValuesGiveNil(value: String) {
        #expect(ADMSTimeZone.offsetMinutes(parsing: value) == nil)
    }
}

struct ADMSTransFlagTests {
    @Test func digitStringSelectsTablesByPosition() {
        #expect(ADMSTransFlag.tables(parsing: "1111000000") == ["ATTLOG", "OPLOG", "ATTPHOTO", "ENROLLFP"])
        #expect(ADMSTransFlag.tables(parsing: "100000000000") == ["ATTLOG"])
        #expect(ADMSTransFlag.tables(parsing: "0000101000") == ["ENROLLUSER", "CHGUSER"])
        #expect(ADMSTransFlag.tables(parsing: "111111111111111") == Set(ADMSTransFlag.digitPositions))
    }

    @Test func allZeroDigitsAreHonouredAsNothing() {
        #expect(ADMSTransFlag.tables(parsing: "0000000000") == [])
    }

    @Test func namedListIsUpperCased() {
        #expect(ADMSTransFlag.tables(parsing: "TransData AttLog\tOpLog  AttPhoto") == ["ATTLOG", "OPLOG", "ATTPHOTO"])
        #expect(ADMSTransFlag.tables(parsing: "transdata attlog") == ["ATTLOG"])
        #expect(ADMSTransFlag.tables(parsing: "AttLog,OpLog") == ["ATTLOG", "OPLOG"])
    }

    @Test func emptyOrMeaninglessValuesMeanAllTables() {
        for value in ["", "  ", "TransData", "TransData ", "garbage", "TransData foo bar"] {
            #expect(ADMSTransFlag.tables(parsing: value) == nil, "\(value.debugDescription)")
        }
    }
}

struct ADMSTransTimesTests {
    @Test func referenceFormsAreRead() {
        #expect(ADMSTransTimes.minutes(parsing: "00:00;14:05") == [0, 845])
        #expect(ADMSTransTimes.minutes(parsing: "00: 00;14: 05") == [0, 845])
        #expect(ADMSTransTimes.minutes(parsing: "14:05;00:00;") == [0, 845])
        #expect(ADMSTransTimes.minutes(parsing: "7:30, 16:00") == [450, 960])
    }

    @Test func badEntriesAreSkipped() {
        #expect(ADMSTransTimes.minutes(parsing: "25:00;07:30;bad;12:60;7:05;;:;1:2") == [425, 450])
        #expect(ADMSTransTimes.minutes(parsing: "") == [])
    }

    @Test func atMostTenTimesAreKept() {
        let value = (0..<15).map { String(format2($0)) + ":00" }.joined(separator: ";")
        #expect(ADMSTransTimes.minutes(parsing: value) == (0..<10).map { $0 * 60 })
        #expect(ADMSTransTimes.minutes(parsing: "08:00;08:00;09:00") == [480, 540])
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
