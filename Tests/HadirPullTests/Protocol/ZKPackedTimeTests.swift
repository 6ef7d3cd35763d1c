import HadirPull
import Testing

struct ZKPackedTimeTests {
    static let reference = ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45)

    @Test func packsReferenceTimeAsSpecified() {
        #expect(ZKPackedTime.encode(Self.reference) == 777_976_245)
        #expect(ZKPackedTime.decode(777_976_245) == Self.reference)
    }

    @Test func boundaryTimesRoundTrip() {
        let times = [
            ZKDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0),
            ZKDateTime(year: 2099, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            ZKDateTime(year: 2024, month: 2, day: 29, hour: 12, minute: 0, second: 0),
            ZKDateTime(year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        ]
        for time in times {
            let packed = ZKPackedTime.encode(time)
            #expect(packed != nil, "\(time)")
            #expect(packed.map(ZKPackedTime.decode) == time)
        }
        #expect(ZKPackedTime.encode(times[0]) == 0)
        #expect(ZKPackedTime.encode(times[1]) == 3_214_079_999)
    }

    @Test func everyDayFrom2000To2099RoundTrips() {
        var previous: UInt32?
        for year in 2000...2099 {
            for month in 1...12 {
                for day in 1...31 {
                    let time = ZKDateTime(year: year, month: month, day: day, hour: 23, minute: 59, second: 59)
                    guard time.isValid else {
                        #expect(ZKPackedTime.encode(time) == nil)
                        continue
                    }
                    guard let packed = ZKPackedTime.encode(time) else {
                        Issue.record("\(time) did not pack")
                        continue
                    }
                    #expect(ZKPackedTime.decode(packed) == time)
                    // Packed values grow with time, so clients can sort by them.
                    #expect(previous.map { $0 < packed } ?? true)
                    previous = packed
                }
            }
        }
    }

    @Test func refusesYearsOutsideTheCenturyAndImpossibleDates() {
        #expect(ZKPackedTime.encode(ZKDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59)) == nil)
        #expect(ZKPackedTime.encode(ZKDateTime(year: 2100, month: 1, day: 1, hour: 0, minute: 0, second: 0)) == nil)
        #expect(ZKPackedTime.encode(ZKDateTime(year: 2024, month: 2, day: 30, hour: 0, minute: 0, second: 0)) == nil)
        #expect(ZKPackedTime.encode(ZKDateTime(year: 2024, month: 1, day: 1, hour: 24, minute: 0, second: 0)) == nil)
    }

    @Test func garbageDecodesToDatesThatCallersCanReject() {
        // Every month has 31 slots in the packed form: slot 31 of February is Feb 31.
        let february31Days: Int = 24 * 372 + 31 + 30  // year 24, month slot 1, day slot 30
        let february31 = UInt32(february31Days * 86_400)
        let time = ZKPackedTime.decode(february31)
        #expect(time == ZKDateTime(year: 2024, month: 2, day: 31, hour: 0, minute: 0, second: 0))
        #expect(!time.isValid)
        let largest = ZKPackedTime.decode(.max)
        #expect(largest.year == 2133)
    }

    @Test func liveEventTimeIsSixBytesFromYear2000() {
        #expect(ZKPackedTime.encodeLive(Self.reference) == [24, 3, 15, 8, 30, 45])
        #expect(ZKPackedTime.decodeLive([24, 3, 15, 8, 30, 45]) == Self.reference)
        #expect(ZKPackedTime.decodeLive([24, 3, 15, 8, 30]) == nil)
    }
}
