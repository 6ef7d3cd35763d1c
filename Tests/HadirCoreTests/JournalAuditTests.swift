import Testing

@testable import HadirCore

@Suite struct JournalAuditTests {
    let key = JournalSigningKey()

    func chain(_ count: Int) -> [Punch] {
        var punches: [Punch] = []
        var previous = PunchChain.genesis
        for index in 1...count {
            let punch = PunchChain.seal(
                draft(String(1000 + index % 4), utc: Int64(index) * 1000), seq: Int64(index), previousHash: previous)
            punches.append(punch)
            previous = punch.hash
        }
        return punches
    }

    func checkpoints(_ punches: [Punch], at seqs: [Int64], key: JournalSigningKey? = nil) -> [JournalCheckpoint] {
        seqs.map { seq in
            (key ?? self.key).checkpoint(deviceSerial: "HDR-TEST", seq: seq, chainHash: punches[Int(seq) - 1].hash, atMilliseconds: 7)
        }
    }

    func audit(_ punches: [Punch], _ checkpoints: [JournalCheckpoint], key: JournalPublicKey?) -> JournalAuditReport {
        var audit = JournalAudit(checkpoints: checkpoints, publicKey: key)
        for punch in punches where audit.check(punch) != nil { break }
        return audit.finish()
    }

    func resealed(_ punches: [Punch]) -> [Punch] {
        var previous = PunchChain.genesis
        return punches.enumerated().map { index, punch in
            let sealed = PunchChain.seal(punch.draft, seq: Int64(index + 1), previousHash: previous)
            previous = sealed.hash
            return sealed
        }
    }

    @Test func intactJournalCountsCheckpointsAndTheUnsignedTail() {
        let punches = chain(23)
        let report = audit(punches, checkpoints(punches, at: [10, 20]), key: key.publicKey)
        #expect(report.isIntact)
        #expect(report.punches == 23)
        #expect(report.checkpoints == 2)
        #expect(report.lastCheckpointSeq == 20)
        #expect(report.unsignedPunches == 3)
    }

    @Test func emptyJournalWithoutCheckpointsIsIntact() {
        let report = audit([], [], key: key.publicKey)
        #expect(report.isIntact)
        #expect(report.unsignedPunches == 0)
    }

    @Test func rewriteAfterEveryPossibleSeqIsBoundedByTheCheckpointsAroundIt() {
        let original = chain(30)
        let signed = checkpoints(original, at: [10, 20, 30])
        for edited in 0..<30 {
            var forged = original
            forged[edited].draft.verify = .password
            let report = audit(resealed(forged), signed, key: key.publicKey)
            let seq = Int64(edited + 1)
            let failing = ((seq + 9) / 10) * 10
            let lastGood: Int64? = failing == 10 ? nil : failing - 10
            #expect(
                report.firstBreak
                    == JournalBreak(
                        firstBadSeq: (lastGood ?? 0) + 1, reason: .rewritten(checkpointSeq: failing, lastMatchingCheckpointSeq: lastGood)))
            #expect((report.firstBreak?.firstBadSeq ?? 0) <= seq)
        }
    }

    @Test func naiveEditIsReportedAtItsExactSeqBeforeAnyCheckpoint() {
        var punches = chain(30)
        let signed = checkpoints(punches, at: [10, 20, 30])
        punches[13].draft.clock.utcMilliseconds -= 3_600_000
        let report = audit(punches, signed, key: key.publicKey)
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 14, reason: .chain(.contentHashMismatch)))
    }

    @Test func checkpointFromAnotherKeyIsABadSignature() {
        let punches = chain(20)
        let signed = checkpoints(punches, at: [10]) + checkpoints(punches, at: [20], key: JournalSigningKey())
        let report = audit(punches, signed, key: key.publicKey)
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 20, reason: .badSignature(checkpointSeq: 20)))
        // Without the key only the hashes are compared, and they match.
        #expect(audit(punches, signed, key: nil).isIntact)
    }

    @Test func checkpointForAnotherSerialIsARewrite() {
        let punches = chain(10)
        var signed = checkpoints(punches, at: [10])
        signed[0] = key.checkpoint(deviceSerial: "HDR-OTHER", seq: 10, chainHash: punches[9].hash, atMilliseconds: 0)
        let report = audit(punches, signed, key: key.publicKey)
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 1, reason: .rewritten(checkpointSeq: 10, lastMatchingCheckpointSeq: nil)))
    }

    @Test func journalEndingBeforeASignedSeqIsTruncated() {
        let punches = chain(25)
        let report = audit(Array(punches.prefix(17)), checkpoints(punches, at: [10, 20]), key: key.publicKey)
        #expect(report.firstBreak == JournalBreak(firstBadSeq: 18, reason: .truncated(checkpointSeq: 20)))
    }

    @Test func unreadableRowAfterAGapReportsTheGap() {
        let punches = chain(5)
        var audit = JournalAudit(checkpoints: [], publicKey: nil)
        for punch in punches.prefix(3) { audit.check(punch) }
        #expect(audit.unreadable(seq: 5) == JournalBreak(firstBadSeq: 5, reason: .chain(.sequenceGap(expected: 4))))
        var other = JournalAudit(checkpoints: [], publicKey: nil)
        other.check(punches[0])
        #expect(other.unreadable(seq: 2) == JournalBreak(firstBadSeq: 2, reason: .chain(.contentHashMismatch)))
    }

    @Test func signedBytesArePinned() {
        // Changing the layout would invalidate every checkpoint a server holds: this pins it.
        let bytes = JournalCheckpoint.signedBytes(deviceSerial: "AB", seq: 258, chainHash: [9, 8])
        #expect(
            bytes == Array("HADIR-CHECKPOINT-V1".utf8) + [
                0, 0, 0, 0, 0, 0, 0, 2, 65, 66, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 2, 9, 8,
            ])
    }

    @Test func keysRoundTripThroughPEM() throws {
        let reread = try #require(JournalSigningKey(pem: key.pem))
        #expect(reread.publicKey == key.publicKey)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let publicKey = try #require(JournalPublicKey(pem: key.publicKey.pem))
        #expect(publicKey == key.publicKey)
        #expect(key.publicKey.pem.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        #expect(key.publicKey.fingerprint.count == 16)
    }

    @Test func malformedPEMIsRejected() {
        #expect(JournalSigningKey(pem: "") == nil)
        #expect(JournalSigningKey(pem: key.publicKey.pem) == nil)
        #expect(JournalSigningKey(pem: "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n") == nil)
        #expect(JournalPublicKey(pem: key.pem) == nil)
        #expect(JournalPublicKey(rawBytes: [1, 2, 3]) == nil)
    }

    @Test func keyDescriptionNeverShowsTheKey() {
        #expect(!key.description.contains(key.pem.split(separator: "\n")[1]))
        #expect(key.description.contains(key.publicKey.fingerprint))
    }
}
