import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct JournalProofVerificationTests {
    let key = JournalSigningKey()

    /// Three sealed punches and checkpoints signed at `signedSeqs`.
    func journal(signedSeqs: [Int64]) throws -> (punches: [Punch], checkpoints: [JournalCheckpoint]) {
        var punches: [Punch] = []
        var previousHash = [UInt8](repeating: 0, count: 32)
        for seq in Int64(1)...3 {
            let clock = ClockReading(
                utcMilliseconds: 1_795_000_000_000 + seq * 60_000, monotonicNanoseconds: UInt64(seq) * 1_000, bootID: "boot",
                quality: .synced)
            let draft = PunchDraft(
                deviceSerial: "HDR1", pin: try EmployeePIN("100\(seq)"), clock: clock, zoneOffsetSeconds: 25_200, verify: .fingerprint,
                state: .checkIn, classification: .onTime)
            let punch = PunchChain.seal(draft, seq: seq, previousHash: previousHash)
            punches.append(punch)
            previousHash = punch.hash
        }
        let checkpoints = signedSeqs.map {
            key.checkpoint(deviceSerial: "HDR1", seq: $0, chainHash: punches[Int($0) - 1].hash, atMilliseconds: 1_795_000_500_000)
        }
        return (punches, checkpoints)
    }

    func proof(_ punches: [Punch], _ checkpoints: [JournalCheckpoint]) -> JournalProof {
        JournalProof(
            deviceSerial: "HDR1", publicKey: key.publicKey.pem, from: punches.first?.seq ?? 1, to: punches.last?.seq ?? 1,
            rows: punches.map(JournalProof.Row.init), checkpoints: checkpoints.map(JournalProof.Checkpoint.init))
    }

    @Test func aSignedProofVerifiesFromTheStartAndFromTheMiddle() throws {
        let (punches, checkpoints) = try journal(signedSeqs: [3])
        try proof(punches, checkpoints).verify(with: key.publicKey)
        try proof(Array(punches.dropFirst()), checkpoints).verify(with: key.publicKey)
    }

    @Test func anEditedRowIsFound() throws {
        let (punches, checkpoints) = try journal(signedSeqs: [3])
        var edited = proof(punches, checkpoints)
        edited.rows[1].utcMilliseconds += 3_600_000
        #expect(throws: JournalProof.VerificationFailure.self) { try edited.verify(with: key.publicKey) }
    }

    @Test func anotherKeyIsRefused() throws {
        let (punches, checkpoints) = try journal(signedSeqs: [3])
        #expect(throws: JournalProof.VerificationFailure.self) {
            try proof(punches, checkpoints).verify(with: JournalSigningKey().publicKey)
        }
    }

    @Test func anUnsignedEndIsRefused() throws {
        let (punches, checkpoints) = try journal(signedSeqs: [2])
        let failure = JournalProof.VerificationFailure(description: "journal proof ends at seq 3 without a signed checkpoint there")
        #expect(throws: failure) { try proof(punches, checkpoints).verify(with: key.publicKey) }
    }

    @Test func hexDecodingRefusesOddAndForeignDigits() {
        #expect(JournalProof.bytes(hex: "00ffA1") == [0x00, 0xFF, 0xA1])
        #expect(JournalProof.bytes(hex: "abc") == nil)
        #expect(JournalProof.bytes(hex: "zz") == nil)
    }
}
