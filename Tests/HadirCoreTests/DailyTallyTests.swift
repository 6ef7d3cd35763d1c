import Testing

@testable import HadirCore

@Suite struct DailyTallyTests {
    func chain(_ utcs: [Int64]) -> [Punch] {
        var previous = PunchChain.genesis
        return utcs.enumerated().map { index, utc in
            let punch = PunchChain.seal(draft("1001", utc: utc), seq: Int64(index + 1), previousHash: previous)
            previous = punch.hash
            return punch
        }
    }

    @Test func punchesAreCountedByLocalDayNotUTCDay() {
        // 2026-11-23 23:30 UTC is already 2026-11-24 06:30 WIB.
        let day23 = LocalDateTime(year: 2026, month: 11, day: 23, hour: 7, minute: 0, second: 0).utcMilliseconds(offsetSeconds: 25_200)
        let lateUTC = LocalDateTime(year: 2026, month: 11, day: 23, hour: 23, minute: 30, second: 0).utcMilliseconds(offsetSeconds: 0)
        let tallies = DailyTally.byLocalDay(chain([day23, day23 + 60_000, lateUTC]), offsetSeconds: 25_200)
        #expect(tallies.map(\.date) == ["2026-11-23", "2026-11-24"])
        #expect(tallies.map(\.count) == [2, 1])
        #expect(tallies[0].firstSeq == 1 && tallies[0].lastSeq == 2)
    }

    @Test func digestChangesWithAnyPunchAndIgnoresInputOrder() {
        let base = LocalDateTime(year: 2026, month: 11, day: 23, hour: 7, minute: 0, second: 0).utcMilliseconds(offsetSeconds: 25_200)
        let punches = chain([base, base + 1000, base + 2000])
        let tally = DailyTally.byLocalDay(punches, offsetSeconds: 25_200)
        #expect(DailyTally.byLocalDay(punches.reversed(), offsetSeconds: 25_200) == tally)
        #expect(DailyTally.byLocalDay(punches.dropLast(), offsetSeconds: 25_200)[0].digest != tally[0].digest)
        #expect(tally[0].digest.count == 64)
    }
}
