import Testing

@testable import HadirCore

/// The clock-integrity state machine driven by hand-made samples: sync arrival and loss, server
/// time, and wall-clock jumps against the monotonic clock.
@Suite struct ClockIntegrityTests {
    static let second: UInt64 = 1_000_000_000
    /// 2026-11-23 00:00 UTC, in milliseconds.
    static let day: Int64 = 1_795_392_000_000

    func sample(wall: Int64, mono: UInt64, boot: String = "boot-a", sync: ClockSyncStatus = .unsynchronized) -> ClockSample {
        ClockSample(wallMilliseconds: wall, monotonicNanoseconds: mono, bootID: boot, sync: sync)
    }

    @Test func anUnsyncedFirstSampleSaysSoAndHasNoReference() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        #expect(integrity.observe(sample(wall: Self.day, mono: 5 * Self.second)) == [.startedUnsynchronized])
        #expect(!integrity.isSynchronized)
        #expect(integrity.origin == nil)
        #expect(integrity.reference == nil)
    }

    @Test func aSyncedFirstSampleIsASyncArrivalAtThatSample() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        let events = integrity.observe(sample(wall: Self.day, mono: 5 * Self.second, sync: .synchronized(offsetMilliseconds: 0)))
        let reference = SyncReference(trueUTCMilliseconds: Self.day, monotonicNanoseconds: 5 * Self.second, bootID: "boot-a", origin: .ntp)
        #expect(events == [.synchronized(reference)])
        #expect(integrity.isSynchronized)
        #expect(integrity.origin == .ntp)
    }

    @Test func syncArrivalCarriesTheTrueTimeIncludingTheSourceOffset() {
        var integrity = ClockIntegrity(sourceOrigin: .file)
        _ = integrity.observe(sample(wall: Self.day, mono: 5 * Self.second))
        // One second later the source says the true time is an hour behind the wall clock.
        let events = integrity.observe(
            sample(wall: Self.day + 1_000, mono: 6 * Self.second, sync: .synchronized(offsetMilliseconds: -3_600_000)))
        let reference = SyncReference(
            trueUTCMilliseconds: Self.day + 1_000 - 3_600_000, monotonicNanoseconds: 6 * Self.second, bootID: "boot-a", origin: .file)
        // The kiosk's idea of the time went back an hour: that is also a backward jump.
        let jump = BackwardJump(
            milliseconds: 3_600_000, detectedAtMilliseconds: Self.day + 1_000 - 3_600_000, monotonicNanoseconds: 6 * Self.second)
        #expect(events == [.synchronized(reference), .jumpedBackward(jump)])
        #expect(integrity.reference == reference)
    }

    @Test func losingAndRegainingSyncAreEachReportedOnce() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        let synced = ClockSyncStatus.synchronized(offsetMilliseconds: 0)
        _ = integrity.observe(sample(wall: Self.day, mono: Self.second, sync: synced))
        #expect(integrity.observe(sample(wall: Self.day + 1_000, mono: 2 * Self.second, sync: synced)) == [])
        #expect(integrity.observe(sample(wall: Self.day + 2_000, mono: 3 * Self.second)) == [.lostSynchronization])
        #expect(integrity.observe(sample(wall: Self.day + 3_000, mono: 4 * Self.second)) == [])
        let events = integrity.observe(sample(wall: Self.day + 4_000, mono: 5 * Self.second, sync: synced))
        #expect(
            events == [
                .synchronized(
                    SyncReference(
                        trueUTCMilliseconds: Self.day + 4_000, monotonicNanoseconds: 5 * Self.second, bootID: "boot-a", origin: .ntp))
            ])
    }

    @Test func aServerTimeIsASyncArrivalThatLastsTheBoot() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        _ = integrity.observe(sample(wall: Self.day, mono: Self.second))
        let events = integrity.serverTimeAccepted(
            trueUTCMilliseconds: Self.day + 50_000, monotonicNanoseconds: 2 * Self.second, bootID: "boot-a")
        let reference = SyncReference(
            trueUTCMilliseconds: Self.day + 50_000, monotonicNanoseconds: 2 * Self.second, bootID: "boot-a", origin: .server)
        #expect(events == [.synchronized(reference)])
        #expect(integrity.origin == .server)
        // The kernel still says unsynced (no NTP on site): the server's word stands.
        _ = integrity.observe(sample(wall: Self.day + 51_000, mono: 3 * Self.second))
        #expect(integrity.isSynchronized)
        // A second server time is no new arrival; NTP arriving later takes over as the origin quietly.
        #expect(
            integrity.serverTimeAccepted(trueUTCMilliseconds: Self.day + 52_000, monotonicNanoseconds: 4 * Self.second, bootID: "boot-a")
                == [])
        #expect(integrity.observe(sample(wall: Self.day + 53_000, mono: 5 * Self.second, sync: .synchronized(offsetMilliseconds: 0))) == [])
        #expect(integrity.origin == .ntp)
    }

    @Test func aNewBootStartsOverUnsynced() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        _ = integrity.observe(sample(wall: Self.day, mono: Self.second))
        _ = integrity.serverTimeAccepted(trueUTCMilliseconds: Self.day, monotonicNanoseconds: 2 * Self.second, bootID: "boot-a")
        _ = integrity.observe(sample(wall: Self.day - 10_000, mono: 3 * Self.second))
        #expect(integrity.backwardJumps == 1)
        #expect(integrity.observe(sample(wall: Self.day, mono: Self.second, boot: "boot-b")) == [.startedUnsynchronized])
        #expect(!integrity.isSynchronized)
        #expect(integrity.backwardJumps == 0)
        #expect(integrity.lastBackwardJump == nil)
    }

    /// One sample a second after a first one, the wall clock moved by `wallStep` ms more than that second.
    @Test(arguments: [
        (0, 0, 0),
        (-1_500, 0, 0),  // at the threshold: slewing and jitter, not a jump
        (1_500, 0, 0),
        (-1_501, 1, 0),
        (1_501, 0, 1),
        (-3_600_000, 1, 0),
        (86_400_000, 0, 1),
        (-1, 0, 0),
    ])
    func jumpsAreStepsOfTheWallClockAgainstTheMonotonicClock(wallStep: Int64, backward: Int, forward: Int) {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        _ = integrity.observe(sample(wall: Self.day, mono: 10 * Self.second))
        let events = integrity.observe(sample(wall: Self.day + 1_000 + wallStep, mono: 11 * Self.second))
        let backwardEvents = events.filter { if case .jumpedBackward = $0 { true } else { false } }
        let forwardEvents = events.filter { if case .steppedForward = $0 { true } else { false } }
        #expect(backwardEvents.count == backward)
        #expect(forwardEvents.count == forward)
        #expect(integrity.backwardJumps == backward)
        if backward == 1 {
            #expect(integrity.lastBackwardJump?.milliseconds == -wallStep)
            #expect(integrity.lastBackwardJump?.detectedAtMilliseconds == Self.day + 1_000 + wallStep)
        }
        if forward == 1 { #expect(forwardEvents == [.steppedForward(milliseconds: wallStep)]) }
    }

    @Test func slowSlewingNeverAddsUpToAJump() {
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        var events: [ClockIntegrityEvent] = []
        // 500 ms per poll for an hour of polls: each step is small, whatever the total.
        for poll in 0..<1_800 {
            let mono = UInt64(poll) * 2 * Self.second
            events += integrity.observe(sample(wall: Self.day + Int64(poll) * 2_000 - Int64(poll) * 500, mono: mono))
        }
        #expect(events == [.startedUnsynchronized])
    }

    /// Seeded: a random walk of clock steps; every step beyond the threshold is reported exactly once,
    /// in its direction, and nothing else is.
    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func everyStepBeyondTheThresholdIsReportedOnce(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var integrity = ClockIntegrity(sourceOrigin: .ntp)
        var wallOffset: Int64 = Self.day
        var mono: UInt64 = Self.second
        var expectedBackward = 0
        var expectedForward = 0
        var backward = 0
        var forward = 0
        _ = integrity.observe(sample(wall: wallOffset + Int64(mono / 1_000_000), mono: mono))
        for _ in 0..<500 {
            mono += UInt64.random(in: 1...5_000, using: &random) * 1_000_000
            let step: Int64 =
                switch UInt64.random(in: 0..<4, using: &random) {
                case 0: Int64.random(in: -86_400_000 ... -1_501, using: &random)
                case 1: Int64.random(in: 1_501...86_400_000, using: &random)
                default: Int64.random(in: -1_500...1_500, using: &random)
                }
            if step < -1_500 { expectedBackward += 1 }
            if step > 1_500 { expectedForward += 1 }
            wallOffset += step
            for event in integrity.observe(sample(wall: wallOffset + Int64(mono / 1_000_000), mono: mono)) {
                switch event {
                case .jumpedBackward(let jump):
                    backward += 1
                    #expect(jump.milliseconds == -step)
                case .steppedForward(let milliseconds):
                    forward += 1
                    #expect(milliseconds == step)
                default: Issue.record("unexpected \(event)")
                }
            }
        }
        #expect(backward == expectedBackward)
        #expect(forward == expectedForward)
        #expect(integrity.backwardJumps == expectedBackward)
    }
}
