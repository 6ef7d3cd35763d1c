import HadirCore
import Testing

@testable import HadirUplink

/// Random event sequences from a seeded generator, checked by `UplinkDriver` after every event:
/// one request at a time, batches contiguous from the persisted cursor, the cursor moving forward
/// only on success or quarantine and backwards only on a handshake stamp (never below retention),
/// and always a request or a wait to come back on.
@Suite struct UplinkMachinePropertyTests {
    typealias F = UplinkFixtures

    @Test(arguments: 0..<64)
    func randomEventSequencesKeepTheInvariants(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 1)
        var configuration = UplinkConfiguration()
        configuration.maxBatch = Int.random(in: 1...64, using: &random)
        configuration.quarantineAfter = Int.random(in: 1...6, using: &random)
        configuration.legacyStamps = Bool.random(using: &random)
        // Each seed is a different server, from mostly refusing to mostly fine.
        let uploadSuccessPercent = Int.random(in: 5...80, using: &random)
        let acked = Int64.random(in: 0...50, using: &random)
        let session = F.session(
            configuration, ackedSeq: acked, lastSeq: acked + Int64.random(in: 0...200, using: &random),
            retainedFromSeq: Int64.random(in: 1...(acked + 1), using: &random), seed: UInt64(seed))
        var driver = UplinkDriver(session: session)
        driver.start()

        for _ in 0..<3000 {
            if driver.inFlight != nil && Int.random(in: 0..<10, using: &random) < 8 {
                driver.setClock(driver.now + Int64.random(in: 0...5000, using: &random))
                driver.deliver(
                    reply(to: driver.inFlight!, acked: driver.persistedCursor, uploadSuccessPercent: uploadSuccessPercent, using: &random))
                continue
            }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30:
                driver.punch(Int64.random(in: 1...30, using: &random))
            case 30..<70:
                let target = driver.wakeAt.map { max($0, driver.now) } ?? driver.now
                driver.setClock(Bool.random(using: &random) ? target : driver.now + Int64.random(in: 0...F.hour, using: &random))
                driver.tick()
            case 70..<78:
                driver.check()
            case 78..<86:
                driver.log()
            case 86..<94:
                driver.prune(retainedFromSeq: Int64.random(in: 1...(driver.persistedCursor + 1), using: &random))
            case 94..<97:
                // Clock fault: the wall clock goes back up to a day.
                driver.setClock(driver.now - Int64.random(in: 0...F.day, using: &random))
                driver.tick()
            default:
                driver.setClock(driver.now + Int64.random(in: 0...(3 * F.day), using: &random))
                driver.tick()
            }
            if !driver.violations.isEmpty { break }
        }
        #expect(driver.violations.isEmpty, "seed \(seed): \(driver.violations.prefix(5))")

        // Once the faults stop, everything still pending is delivered.
        driver.run(until: driver.now + 2 * F.day) { request, _ in
            switch request {
            case .sendHandshake: return .handshake(F.options())
            case .uploadOptions: return .optionsOK
            case .uploadBatch: return .uploadOK
            default: return .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "seed \(seed) after recovery: \(driver.violations.prefix(5))")
        #expect(driver.persistedCursor == driver.journalLast, "seed \(seed)")
    }

    private func reply(
        to request: UplinkAction, acked: Int64, uploadSuccessPercent: Int, using random: inout SplitMix64
    ) -> UplinkDriver.Reply {
        let failure = randomFailure(using: &random)
        let retryAfter: Duration? = Int.random(in: 0..<5, using: &random) == 0 ? .seconds(Int.random(in: 0...7200, using: &random)) : nil
        let succeeds = Int.random(in: 0..<100, using: &random)
        switch request {
        case .sendHandshake:
            guard succeeds < 65 else { return .handshakeFailure(failure, retryAfter: retryAfter) }
            return .handshake(randomOptions(acked: acked, using: &random))
        case .uploadOptions:
            return succeeds < 80 ? .optionsOK : .optionsFailure(failure)
        case .uploadBatch:
            return succeeds < uploadSuccessPercent ? .uploadOK : .uploadFailure(failure, retryAfter: retryAfter)
        default:
            return succeeds < 75 ? .pollOK(commands: Bool.random(using: &random)) : .pollFailure(failure, retryAfter: retryAfter)
        }
    }

    private func randomFailure(using random: inout SplitMix64) -> UplinkFailure {
        let failures: [UplinkFailure] = [
            .transport, .httpStatus(500), .httpStatus(503), .httpStatus(403), .httpStatus(401), .httpStatus(413), .httpStatus(429),
            .tooLarge, .notOK("FAIL"), .notOK(""), .notOK("UNKNOWN DEVICE"),
        ]
        return failures.randomElement(using: &random)!
    }

    private func randomOptions(acked: Int64, using random: inout SplitMix64) -> ADMSServerOptions {
        var options = ADMSServerOptions()
        let stamps: [ADMSStamp] = [
            .absent, .none, .number(0), .number(Int64.random(in: -2...(acked + 10), using: &random)), .number(9999), .other("x"),
        ]
        options.attlogStamp = stamps.randomElement(using: &random)!
        options.realtime = Bool.random(using: &random)
        options.transIntervalMinutes = Int.random(in: 0...10, using: &random)
        options.transTimes = (0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: -10...1500, using: &random) }
        options.delaySeconds = Int.random(in: -1...100, using: &random)
        options.errorDelaySeconds = Int.random(in: -5...600, using: &random)
        options.pushOptionsRequested = Bool.random(using: &random)
        return options
    }
}
