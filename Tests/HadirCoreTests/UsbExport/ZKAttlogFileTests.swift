import Testing

@testable import HadirCore

@Suite struct ZKAttlogFileTests {
    let november = ReportMonth(year: 2026, month: 11)!
    let wib: Int32 = 25_200

    /// UTC milliseconds of a WIB wall time.
    func utc(_ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0, month: Int = 11, offset: Int32 = 25_200) -> Int64 {
        LocalDateTime(year: 2026, month: month, day: day, hour: hour, minute: minute, second: second).utcMilliseconds(offsetSeconds: offset)
    }

    @Test func linesAreTabSeparatedWithCRLFInSeqOrder() {
        let entries = [
            ZKAttlogEntry(seq: 2, pin: "1002", utcMilliseconds: utc(23, 16, 30, 5), zoneOffsetSeconds: wib, state: 1, verify: 15),
            ZKAttlogEntry(seq: 1, pin: "1001", utcMilliseconds: utc(3, 7, 5, 9), zoneOffsetSeconds: wib, state: 0, verify: 1),
        ]
        let expected = "1001\t2026-11-03 07:05:09\t0\t1\t0\r\n" + "1002\t2026-11-23 16:30:05\t1\t15\t0\r\n"
        #expect(ZKAttlogFile.bytes(entries, month: november) == Array(expected.utf8))
    }

    @Test func anEmptyMonthIsAnEmptyFile() {
        #expect(ZKAttlogFile.bytes([], month: november).isEmpty)
    }

    @Test func monthIsReadInEachRowsOwnZone() {
        // 2026-10-31 17:30 UTC is 2026-11-01 00:30 WIB: November. One second earlier in WIB is October.
        let midnight = ZKAttlogEntry(
            seq: 1, pin: "7", utcMilliseconds: utc(1, 0, 30), zoneOffsetSeconds: wib, state: 0, verify: 1)
        let lastOctober = ZKAttlogEntry(
            seq: 2, pin: "7", utcMilliseconds: utc(31, 23, 59, 59, month: 10), zoneOffsetSeconds: wib, state: 1, verify: 1)
        let witaFirstDecember = ZKAttlogEntry(
            seq: 3, pin: "8", utcMilliseconds: utc(1, 0, 0, month: 12, offset: 28_800), zoneOffsetSeconds: 28_800, state: 0, verify: 1)
        let text = String(decoding: ZKAttlogFile.bytes([midnight, lastOctober, witaFirstDecember], month: november), as: UTF8.self)
        #expect(text == "7\t2026-11-01 00:30:00\t0\t1\t0\r\n")
    }

    @Test func aCorrectedOriginalGivesWayToItsCorrection() {
        let original = ZKAttlogEntry(
            seq: 4, pin: "1001", utcMilliseconds: utc(20, 7, 0), zoneOffsetSeconds: wib, state: 0, verify: 1)
        let correction = ZKAttlogEntry(
            seq: 9, pin: "1001", utcMilliseconds: utc(20, 7, 42, 10), zoneOffsetSeconds: wib, state: 0, verify: 1, correctsSeq: 4)
        let text = String(decoding: ZKAttlogFile.bytes([correction, original], month: november), as: UTF8.self)
        #expect(text == "1001\t2026-11-20 07:42:10\t0\t1\t0\r\n")
    }

    @Test func yearsAndTimesArePaddedToFixedWidth() {
        let early = ZKAttlogEntry(
            seq: 1, pin: "1",
            utcMilliseconds: LocalDateTime(year: 987, month: 1, day: 2, hour: 3, minute: 4, second: 5)
                .utcMilliseconds(offsetSeconds: 0), zoneOffsetSeconds: 0, state: 255, verify: 4)
        #expect(ZKAttlogFile.line(early) == "1\t0987-01-02 03:04:05\t255\t4\t0\r\n")
    }
}
