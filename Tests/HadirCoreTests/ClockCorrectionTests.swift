import Testing

@testable import HadirCore

/// Corrections re-derive an unsynced punch's instant from the monotonic clock of its boot.
@Suite struct ClockCorrectionTests {
    static let second: UInt64 = 1_000_000_000
    /// True time at the reference: 2026-11-23 07:30 WIB.
    static let syncedAt: Int64 = 1_795_393_800_000
    let reference = SyncReference(trueUTCMilliseconds: syncedAt, monotonicNanoseconds: 1_000 * second, bootID: "boot-a", origin: .ntp)

    func punch(seq: Int64, wall: Int64, mono: UInt64, boot: String = "boot-a", quality: ClockQuality = .unsynced, correctsSeq: Int64? = nil)
        -> Punch
    {
        var draft = draft("1001", utc: wall)
        draft.clock = clock(utc: wall, mono: mono, boot: boot, quality: quality)
        draft.correctsSeq = correctsSeq
        draft.state = .checkOut
        draft.classification = .earlyLeave
        return PunchChain.seal(draft, seq: seq, previousHash: PunchChain.genesis)
    }

    @Test(arguments: [
        // (monotonic seconds of the punch, expected offset from the reference in ms)
        (1_000 as UInt64, 0 as Int64),
        (910, -90_000),  // 90 s before sync
        (1, -999_000),  // right after boot
        (1_030, 30_000),  // flagged unsynced but taken after the reference (recorded before the poll saw sync)
    ])
    func theInstantIsTheReferenceMinusTheElapsedMonotonicTime(monoSeconds: UInt64, expectedOffset: Int64) throws {
        // The wall clock said 2015: irrelevant, only the monotonic time counts.
        let original = punch(seq: 7, wall: 1_420_070_400_000, mono: monoSeconds * Self.second)
        let correction = try #require(ClockCorrection.draft(correcting: original, against: reference))
        #expect(correction.clock.utcMilliseconds == Self.syncedAt + expectedOffset)
    }

    @Test func aCorrectionChangesOnlyTheInstantTheQualityAndTheLink() throws {
        let original = punch(seq: 7, wall: 1_420_070_400_000, mono: 910 * Self.second)
        let correction = try #require(ClockCorrection.draft(correcting: original, against: reference))
        var expected = original.draft
        expected.clock.utcMilliseconds = Self.syncedAt - 90_000
        expected.clock.quality = .corrected
        expected.correctsSeq = 7
        #expect(correction == expected)
    }

    @Test func subMillisecondRemaindersRoundDown() throws {
        let before = punch(seq: 1, wall: 0, mono: 1_000 * Self.second - 1)
        let after = punch(seq: 2, wall: 0, mono: 1_000 * Self.second + 999_999)
        #expect(ClockCorrection.draft(correcting: before, against: reference)?.clock.utcMilliseconds == Self.syncedAt - 1)
        #expect(ClockCorrection.draft(correcting: after, against: reference)?.clock.utcMilliseconds == Self.syncedAt)
    }

    @Test func onlyUncorrectedUnsyncedPunchesOfTheSameBootAreCorrected() {
        #expect(ClockCorrection.draft(correcting: punch(seq: 1, wall: 0, mono: 1, boot: "boot-0"), against: reference) == nil)
        #expect(ClockCorrection.draft(correcting: punch(seq: 1, wall: 0, mono: 1, quality: .synced), against: reference) == nil)
        #expect(
            ClockCorrection.draft(correcting: punch(seq: 2, wall: 0, mono: 1, quality: .corrected, correctsSeq: 1), against: reference)
                == nil)
        #expect(ClockCorrection.draft(correcting: punch(seq: 2, wall: 0, mono: 1, correctsSeq: 1), against: reference) == nil)
    }

    @Test func aPlanCorrectsThisBootInSeqOrderAndNamesTheOthers() {
        let punches = [
            punch(seq: 5, wall: 0, mono: 500 * Self.second),
            punch(seq: 2, wall: 0, mono: 9 * Self.second, boot: "boot-0"),
            punch(seq: 3, wall: 0, mono: 300 * Self.second),
            punch(seq: 4, wall: 0, mono: 400 * Self.second, quality: .synced),
        ]
        let plan = ClockCorrection.plan(punches, against: reference)
        #expect(plan.corrections.map(\.correctsSeq) == [3, 5])
        #expect(plan.corrections.map(\.clock.utcMilliseconds) == [Self.syncedAt - 700_000, Self.syncedAt - 500_000])
        #expect(plan.otherBootSeqs == [2])
    }

    /// Seeded: a board whose wall clock is off by a random error, with punches at random monotonic
    /// times; every correction lands within a millisecond of the true time of the punch, and
    /// corrections keep the monotonic order.
    @Test(arguments: [7, 11, 99, 2026] as [UInt64])
    func correctionsRecoverTheTrueTimeOfEveryPunch(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        // True time = base + monotonic time; the wall clock reads true time + error.
        let base = Int64.random(in: 1_700_000_000_000...1_900_000_000_000, using: &random)
        let error = Int64.random(in: -400_000_000_000...400_000_000_000, using: &random)
        let syncMono = UInt64.random(in: 3_600...864_000, using: &random) * Self.second
        let trueAt: (UInt64) -> Int64 = { base + Int64($0 / 1_000_000) }
        let sync = SyncReference(trueUTCMilliseconds: trueAt(syncMono), monotonicNanoseconds: syncMono, bootID: "boot-a", origin: .file)
        var punches: [Punch] = []
        for seq in 1...200 {
            let mono = UInt64.random(in: 1...syncMono, using: &random)
            punches.append(punch(seq: Int64(seq), wall: trueAt(mono) + error, mono: mono))
        }
        let plan = ClockCorrection.plan(punches, against: sync)
        #expect(plan.corrections.count == punches.count)
        for (original, correction) in zip(punches, plan.corrections) {
            let truth = trueAt(original.draft.clock.monotonicNanoseconds)
            #expect(abs(correction.clock.utcMilliseconds - truth) <= 1)
        }
        let byMonotonic = plan.corrections.sorted { $0.clock.monotonicNanoseconds < $1.clock.monotonicNanoseconds }
        #expect(byMonotonic.map(\.clock.utcMilliseconds) == byMonotonic.map(\.clock.utcMilliseconds).sorted())
    }
}
