import HadirCore
import Testing

@testable import HadirUplink

/// Correction lines keep the seven-field shape and name, in the reserved last field, the line the
/// server already holds for the punch they re-time.
@Suite struct ADMSATTLOGEncoderCorrectionTests {
    /// 2026-11-23 08:05:11 WIB, on a clock an hour fast.
    static let wrong: Int64 = 1_795_395_600_000 + 311_000

    func punch(seq: Int64, utc: Int64, quality: ClockQuality, correctsSeq: Int64? = nil) throws -> Punch {
        let draft = PunchDraft(
            deviceSerial: "HDRTEST", pin: try EmployeePIN("1452"),
            clock: ClockReading(utcMilliseconds: utc, monotonicNanoseconds: 9, bootID: "b", quality: quality), zoneOffsetSeconds: 25_200,
            verify: .fingerprint, state: .checkIn, classification: .onTime, correctsSeq: correctsSeq)
        return PunchChain.seal(draft, seq: seq, previousHash: PunchChain.genesis)
    }

    @Test func aCorrectionNamesTheOriginalLocalTime() throws {
        let original = try punch(seq: 3, utc: Self.wrong, quality: .unsynced)
        let correction = try punch(seq: 9, utc: Self.wrong - 3_600_000, quality: .corrected, correctsSeq: 3)
        let batch = try ATTLOGEncoder.batch([original, correction], zoneOffsetSeconds: 25_200, originals: [3: original])
        #expect(
            batch.body == "1452\t2026-11-23 08:05:11\t0\t1\t0\t0\t0\n1452\t2026-11-23 07:05:11\t0\t1\t0\t0\tcorrects=2026-11-23T08:05:11")
        #expect(batch.body.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
    }

    @Test func withoutTheOriginalTheLineNamesItsSeq() throws {
        let correction = try punch(seq: 9, utc: Self.wrong - 3_600_000, quality: .corrected, correctsSeq: 3)
        #expect(
            try ATTLOGEncoder.line(for: correction, zoneOffsetSeconds: 25_200) == "1452\t2026-11-23 07:05:11\t0\t1\t0\t0\tcorrects=seq:3")
    }
}
