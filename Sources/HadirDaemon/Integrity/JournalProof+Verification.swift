import HadirCore

extension JournalProof {
    /// Why a proof does not hold, in one sentence.
    public struct VerificationFailure: Error, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// Checks the rows' hash chain and every checkpoint's signature with `publicKey`, and that the
    /// last row is signed: what `scripts/verify-journal-proof.py` checks, before the proof leaves
    /// the kiosk. The first row's link to the row before it is taken from the proof.
    public func verify(with publicKey: JournalPublicKey) throws(VerificationFailure) {
        var punches: [Punch] = []
        for row in rows { punches.append(try Self.punch(row)) }
        guard let first = punches.first, let last = punches.last else { throw VerificationFailure(description: "the proof has no rows") }
        var signed: [JournalCheckpoint] = []
        for checkpoint in checkpoints {
            guard let chainHash = Self.bytes(hex: checkpoint.chainHash), let signature = Self.bytes(hex: checkpoint.signature) else {
                throw VerificationFailure(description: "checkpoint at seq \(checkpoint.seq) is not hex")
            }
            signed.append(
                JournalCheckpoint(
                    deviceSerial: checkpoint.deviceSerial, seq: checkpoint.seq, chainHash: chainHash,
                    signedAtMilliseconds: checkpoint.signedMilliseconds, signature: signature))
        }
        let before = first.seq > 1 ? Punch(seq: first.seq - 1, draft: first.draft, previousHash: [], hash: first.previousHash) : nil
        var audit = JournalAudit(checkpoints: signed, publicKey: publicKey, after: before)
        for punch in punches {
            if let broken = audit.check(punch) { throw VerificationFailure(description: "journal proof broken: \(broken)") }
        }
        let report = audit.finish()
        if let broken = report.firstBreak { throw VerificationFailure(description: "journal proof broken: \(broken)") }
        guard report.lastCheckpointSeq == last.seq else {
            throw VerificationFailure(description: "journal proof ends at seq \(last.seq) without a signed checkpoint there")
        }
    }

    private static func punch(_ row: Row) throws(VerificationFailure) -> Punch {
        guard let quality = ClockQuality(rawValue: row.clockQuality), let verify = VerifyMethod(rawValue: row.verify),
            let state = PunchState(rawValue: row.state), let classification = PunchClassification(rawValue: row.classification),
            let previousHash = bytes(hex: row.previousHash), let hash = bytes(hex: row.hash), let pin = try? EmployeePIN(row.pin)
        else { throw VerificationFailure(description: "row \(row.seq) has a field no journal row can have") }
        let clock = ClockReading(
            utcMilliseconds: row.utcMilliseconds, monotonicNanoseconds: row.monotonicNanoseconds, bootID: row.bootID, quality: quality)
        let draft = PunchDraft(
            deviceSerial: row.deviceSerial, pin: pin, clock: clock, zoneOffsetSeconds: row.zoneOffsetSeconds, verify: verify, state: state,
            classification: classification, correctsSeq: row.correctsSeq)
        return Punch(seq: row.seq, draft: draft, previousHash: previousHash, hash: hash)
    }

    /// Lowercase or uppercase hex to bytes; nil for an odd length or a non-hex character.
    static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: digit - 0x30
            case 0x61...0x66: digit - 0x61 + 10
            case 0x41...0x46: digit - 0x41 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
