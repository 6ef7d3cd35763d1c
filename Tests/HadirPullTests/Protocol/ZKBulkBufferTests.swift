import HadirPull
import Testing

struct ZKBulkBufferTests {
    @Test func prefixesRecordsWithTheirByteLength() {
        #expect(ZKBulkBuffer.make(records: []) == [0, 0, 0, 0])
        #expect(ZKBulkBuffer.make(records: [9, 8, 7]) == [3, 0, 0, 0, 9, 8, 7])
    }

    @Test func prefixCountsWhatTheBuilderAppendedNotTheEstimate() {
        let buffer = ZKBulkBuffer.make(recordBytes: 2) { $0.append(contentsOf: [UInt8](repeating: 1, count: 300)) }
        #expect(buffer.count == 304)
        #expect(Array(buffer[0..<4]) == [0x2C, 0x01, 0, 0])
        #expect(ZKBulkBuffer.make(recordBytes: -5) { _ in } == [0, 0, 0, 0])
    }

    @Test func buildsAHundredThousandAttendanceRecords() throws {
        let count = 100_000
        let time = ZKDateTime(year: 2025, month: 1, day: 2, hour: 7, minute: 30, second: 0)
        let clock = ContinuousClock()
        var buffer: [UInt8] = []
        let elapsed = clock.measure {
            buffer = ZKBulkBuffer.make(recordBytes: count * ZKAttendanceRecord.size) { out in
                for index in 0..<count {
                    ZKAttendanceRecord(uid: UInt16(index % 3000 + 1), userID: String(index % 3000 + 1), verify: 1, time: time, state: 0)
                        .encode(into: &out)
                }
            }
        }
        #expect(buffer.count == 4 + count * 40)
        #expect(Array(buffer[0..<4]) == [0x00, 0x09, 0x3D, 0x00])  // 4,000,000
        let lastRecord = try ZKAttendanceRecord.decode(buffer.suffix(ZKAttendanceRecord.size))
        #expect(lastRecord.userID == "1000")
        // The 200 ms target is for release builds; this bound only catches quadratic mistakes.
        #expect(elapsed < .seconds(5))
    }
}
