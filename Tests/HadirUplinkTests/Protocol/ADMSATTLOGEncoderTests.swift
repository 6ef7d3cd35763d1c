import HadirCore
import Testing

@testable import HadirUplink

struct ADMSATTLOGEncoderTests {
    /// 2015-07-30 15:16:28 WIB = 08:16:28 UTC.
    static let exampleUTC: Int64 = 1_438_244_188_000

    @Test func referenceExampleIsEncodedByteForByte() throws {
        let punch = ADMSFixtures.punch(seq: 1, utcMilliseconds: Self.exampleUTC)
        let line = try ATTLOGEncoder.line(for: punch, zoneOffsetSeconds: ADMSFixtures.wib)
        #expect(Array(line.utf8) == Array("1452\t2015-07-30 15:16:28\t0\t1\t0\t0\t0".utf8))
        #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 7)
    }

    @Test func wallTimeFollowsTheGivenIndonesianZone() throws {
        let wib = ADMSFixtures.punch(seq: 1, utcMilliseconds: 1_438_244_188_000)
        let wita = ADMSFixtures.punch(seq: 2, utcMilliseconds: 1_438_240_588_000)
        let wit = ADMSFixtures.punch(seq: 3, utcMilliseconds: 1_438_236_988_000)
        let expected = "1452\t2015-07-30 15:16:28\t0\t1\t0\t0\t0"
        #expect(try ATTLOGEncoder.line(for: wib, zoneOffsetSeconds: IndonesianZone.wib.offsetSeconds) == expected)
        #expect(try ATTLOGEncoder.line(for: wita, zoneOffsetSeconds: IndonesianZone.wita.offsetSeconds) == expected)
        #expect(try ATTLOGEncoder.line(for: wit, zoneOffsetSeconds: IndonesianZone.wit.offsetSeconds) == expected)
    }

    @Test func oneInstantReadsOneHourApartAcrossTheThreeZones() throws {
        let punch = ADMSFixtures.punch(seq: 1, utcMilliseconds: Self.exampleUTC)
        let times = try [ADMSFixtures.wib, ADMSFixtures.wita, ADMSFixtures.wit].map {
            try ATTLOGEncoder.line(for: punch, zoneOffsetSeconds: $0).split(separator: "\t")[1]
        }
        #expect(times == ["2015-07-30 15:16:28", "2015-07-30 16:16:28", "2015-07-30 17:16:28"])
    }

    @Test func localMidnightRollsTheDateAndMillisecondsAreTruncated() throws {
        // 2025-12-31 17:00:00.999 UTC is 2026-01-01 00:00:00 WIB.
        let punch = ADMSFixtures.punch(seq: 1, utcMilliseconds: 1_767_200_400_999)
        #expect(try ATTLOGEncoder.line(for: punch, zoneOffsetSeconds: ADMSFixtures.wib) == "1452\t2026-01-01 00:00:00\t0\t1\t0\t0\t0")
        #expect(try ATTLOGEncoder.line(for: punch, zoneOffsetSeconds: 0) == "1452\t2025-12-31 17:00:00\t0\t1\t0\t0\t0")
    }

    @Test func statusAndVerifyUseTheProtocolCodes() throws {
        let time = ADMSFixtures.time(2026, 3, 2, 7, 5, 9)
        let pin = ADMSFixtures.pin("199001012020121001")
        #expect(
            try ATTLOGEncoder.line(pin: pin, localTime: time, state: .checkOut, verify: .face)
                == "199001012020121001\t2026-03-02 07:05:09\t1\t15\t0\t0\t0")
        #expect(try ATTLOGEncoder.line(pin: pin, localTime: time, state: .undefined, verify: .card).contains("\t255\t4\t"))
        for state in PunchState.allCases {
            for verify in VerifyMethod.allCases {
                let line = try ATTLOGEncoder.line(pin: pin, localTime: time, state: state, verify: verify)
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                #expect(fields.count == 7)
                #expect(fields[2] == "\(state.rawValue)" && fields[3] == "\(verify.rawValue)" && fields[4...] == ["0", "0", "0"])
            }
        }
    }

    @Test func batchJoinsLinesWithLFAndStampsTheLastSeq() throws {
        let punches = [
            ADMSFixtures.punch(seq: 41, utcMilliseconds: Self.exampleUTC),
            ADMSFixtures.punch(seq: 42, utcMilliseconds: Self.exampleUTC + 1000, pin: "8965", state: .checkOut),
            ADMSFixtures.punch(seq: 45, utcMilliseconds: Self.exampleUTC + 2000, verify: .password),
        ]
        let batch = try ATTLOGEncoder.batch(punches, zoneOffsetSeconds: ADMSFixtures.wib)
        #expect(
            batch.body
                == "1452\t2015-07-30 15:16:28\t0\t1\t0\t0\t0\n8965\t2015-07-30 15:16:29\t1\t1\t0\t0\t0\n1452\t2015-07-30 15:16:30\t0\t3\t0\t0\t0"
        )
        #expect(batch.stamp == 45)
        #expect(batch.firstSeq == 41)
        #expect(batch.recordCount == 3)
        #expect(batch.bodyBytes == Array(batch.body.utf8))
        #expect(!batch.body.hasSuffix("\n"))
    }

    @Test func invalidBatchesAreRefused() {
        let punch = { (seq: Int64) in ADMSFixtures.punch(seq: seq, utcMilliseconds: Self.exampleUTC) }
        #expect(throws: ATTLOGEncoderError.emptyBatch) { try ATTLOGEncoder.batch([Punch](), zoneOffsetSeconds: 0) }
        #expect(throws: ATTLOGEncoderError.sequenceNotIncreasing(previous: 5, next: 5)) {
            try ATTLOGEncoder.batch([punch(4), punch(5), punch(5)], zoneOffsetSeconds: 0)
        }
        #expect(throws: ATTLOGEncoderError.sequenceNotIncreasing(previous: 5, next: 3)) {
            try ATTLOGEncoder.batch([punch(5), punch(3)], zoneOffsetSeconds: 0)
        }
        #expect(throws: ATTLOGEncoderError.stampOutOfRange(Int64(Int32.max) + 1)) {
            try ATTLOGEncoder.batch([punch(Int64(Int32.max) + 1)], zoneOffsetSeconds: 0)
        }
        #expect(throws: ATTLOGEncoderError.stampOutOfRange(0)) { try ATTLOGEncoder.batch([punch(0)], zoneOffsetSeconds: 0) }
        #expect(throws: Never.self) { try ATTLOGEncoder.batch([punch(Int64(Int32.max))], zoneOffsetSeconds: 0) }
    }

    @Test func wildClocksAreRefusedRatherThanMisformatted() {
        let ancient = ADMSFixtures.punch(seq: 1, utcMilliseconds: -40_000_000_000_000)
        #expect(throws: ATTLOGEncoderError.self) { try ATTLOGEncoder.line(for: ancient, zoneOffsetSeconds: 0) }
        let future = ADMSFixtures.punch(seq: 1, utcMilliseconds: 300_000_000_000_000)
        #expect(throws: ATTLOGEncoderError.self) { try ATTLOGEncoder.batch([future], zoneOffsetSeconds: 0) }
    }
}
