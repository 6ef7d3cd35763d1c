import HadirPull
import Testing

struct ZKAttendanceRecordTests {
    static func encoded(_ record: ZKAttendanceRecord) -> [UInt8] {
        var buffer: [UInt8] = []
        record.encode(into: &buffer)
        return buffer
    }

    @Test func encodesFortyBytesWithTheReferencePackedTime() {
        let time = ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45)
        let bytes = Self.encoded(ZKAttendanceRecord(uid: 0x0203, userID: "1001", verify: 1, time: time, state: 0))
        #expect(bytes.count == ZKAttendanceRecord.size)
        #expect(Array(bytes[0..<2]) == [0x03, 0x02])
        #expect(Array(bytes[2..<26]) == ProtocolHex.field("1001", width: 24))
        #expect(bytes[26] == 1)
        #expect(Array(bytes[27..<31]) == ProtocolHex.bytes("B5 F9 5E 2E"))
        #expect(bytes[31] == 0)
        #expect(Array(bytes[32..<40]) == ProtocolHex.zeros(8))
    }

    @Test func recordsOnBoundaryDatesRoundTrip() throws {
        let times = [
            ZKDateTime(year: 2024, month: 2, day: 29, hour: 7, minute: 15, second: 0),
            ZKDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            ZKDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2099, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        ]
        for (index, time) in times.enumerated() {
            let record = ZKAttendanceRecord(uid: UInt16(index + 1), userID: "20\(index)", verify: 15, time: time, state: 255)
            #expect(try ZKAttendanceRecord.decode(Self.encoded(record)) == record)
        }
    }

    @Test func unencodableTimesAreWrittenAsTheFirstPackedSecond() throws {
        let epoch = ZKDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        for time in [
            ZKDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            ZKDateTime(year: 2024, month: 2, day: 30, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2100, month: 1, day: 1, hour: 0, minute: 0, second: 0),
        ] {
            let bytes = Self.encoded(ZKAttendanceRecord(uid: 1, userID: "1", verify: 1, time: time, state: 0))
            #expect(Array(bytes[27..<31]) == [0, 0, 0, 0])
            #expect(try ZKAttendanceRecord.decode(bytes).time == epoch)
        }
    }

    @Test func longUserIDsAreCutToTwentyFourBytes() throws {
        let time = ZKDateTime(year: 2025, month: 6, day: 1, hour: 8, minute: 0, second: 0)
        let record = ZKAttendanceRecord(uid: 1, userID: String(repeating: "7", count: 23) + "é", verify: 4, time: time, state: 1)
        let bytes = Self.encoded(record)
        #expect(bytes.count == 40)
        #expect(try ZKAttendanceRecord.decode(bytes).userID == String(repeating: "7", count: 23))
    }

    @Test func decodingRejectsOtherLengthsAndImpossibleDates() {
        #expect(throws: ZKRecordError.wrongLength(what: "attendance record", expected: [40], actual: 39)) {
            try ZKAttendanceRecord.decode([UInt8](repeating: 0, count: 39))
        }
        var bytes = [UInt8](repeating: 0, count: 40)
        let february31Days: Int = 24 * 372 + 31 + 30  // year 24, month slot 1, day slot 30
        let february31 = UInt32(february31Days * 86_400)
        bytes.replaceSubrange(27..<31, with: [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: february31 >> $0) })
        #expect(throws: ZKRecordError.self) { try ZKAttendanceRecord.decode(bytes) }
    }
}
