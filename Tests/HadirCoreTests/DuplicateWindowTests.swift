import Testing

@testable import HadirCore

@Suite struct DuplicateWindowTests {
    let window = DuplicateWindow(seconds: 60)

    @Test func sameBootUsesMonotonicTimeNotWallClock() {
        let first = clock(utc: 1_000_000, mono: 10_000_000_000)
        // Wall clock jumped back an hour, but only 30 s passed: still a repeat.
        let second = clock(utc: 1_000_000 - 3_600_000, mono: 40_000_000_000)
        #expect(window.isRepeat(of: first, at: second))
        // Wall clock jumped forward a day, but only 59 s passed: still a repeat.
        #expect(window.isRepeat(of: first, at: clock(utc: 87_400_000, mono: 69_000_000_000)))
        #expect(!window.isRepeat(of: first, at: clock(utc: 1_000_000, mono: 70_000_000_000)))
    }

    @Test func acrossBootsFallsBackToWallClock() {
        let first = clock(utc: 1_000_000, mono: 90_000_000_000, boot: "a")
        #expect(window.isRepeat(of: first, at: clock(utc: 1_030_000, mono: 1, boot: "b")))
        #expect(!window.isRepeat(of: first, at: clock(utc: 1_060_000, mono: 1, boot: "b")))
        #expect(!window.isRepeat(of: first, at: clock(utc: 900_000, mono: 1, boot: "b")))
    }

    @Test func zeroSecondsDisablesTheWindow() {
        #expect(!DuplicateWindow(seconds: 0).isRepeat(of: clock(utc: 0), at: clock(utc: 0)))
    }
}
