import HadirCore
import Testing

@testable import HadirScanner

/// Deterministic fuzzing of the frame decoder with random and mutated-valid byte streams.
///
/// Errors are typed by construction (`next()` throws only `EF01FrameError`); these tests check the
/// rest of the contract: no trap, progress on every call, bounded buffering, exact byte accounting.
struct EF01FrameDecoderFuzzTests {
    struct Outcome {
        var packets: [EF01Packet] = []
        var errors: [EF01FrameError] = []
        var violations: [String] = []
    }

    /// Feeds `stream` in random chunks and drains the decoder after each, checking invariants.
    static func run(_ stream: [UInt8], maxPayload: Int, rng: inout SplitMix64) -> Outcome {
        var decoder = EF01FrameDecoder(maxPayload: maxPayload)
        var outcome = Outcome()
        var offset = 0
        var consumedByPackets = 0
        while offset < stream.count {
            let chunk = Int.random(in: 1...max(1, min(64, stream.count - offset)), using: &rng)
            decoder.feed(stream[offset..<(offset + chunk)])
            offset += chunk
            var calls = 0
            while true {
                calls += 1
                if calls > stream.count + 2 {
                    outcome.violations.append("no progress: \(calls) calls for \(stream.count) bytes")
                    return outcome
                }
                let before = decoder.bufferedByteCount
                do {
                    guard let packet = try decoder.next() else {
                        if decoder.bufferedByteCount >= decoder.maxFrameLength {
                            outcome.violations.append("buffer kept \(decoder.bufferedByteCount) bytes")
                        }
                        break
                    }
                    outcome.packets.append(packet)
                    consumedByPackets += packet.encoded().count
                    exerciseParsers(packet)
                } catch {
                    outcome.errors.append(error)
                }
                if decoder.bufferedByteCount >= before {
                    outcome.violations.append("call made no progress (\(before) bytes buffered)")
                    return outcome
                }
            }
        }
        let accounted = consumedByPackets + decoder.discardedByteCount + decoder.bufferedByteCount
        if accounted != stream.count {
            outcome.violations.append("accounted \(accounted) of \(stream.count) bytes")
        }
        return outcome
    }

    /// Runs every reply/command parser over a decoded packet; none may trap.
    static func exerciseParsers(_ packet: EF01Packet) {
        _ = try? EF01Command(packet: packet)
        if let ack = try? EF01Acknowledgement(packet: packet) {
            _ = ack.error
            _ = try? EF01SearchMatch(bytes: ack.data)
            _ = try? EF01MatchScore(bytes: ack.data)
            _ = try? EF01TemplateCount(bytes: ack.data)
            _ = try? EF01SystemParameters(bytes: ack.data).packetSize
            _ = try? EF01IndexTable.slots(page: UInt8(truncatingIfNeeded: ack.code), bitmap: ack.data)
        }
        var assembler = EF01DataAssembler(maxBytes: 64)
        _ = try? assembler.add(packet)
    }

    static func randomPacket(_ rng: inout SplitMix64) -> EF01Packet {
        let type = EF01PacketType.allCases.randomElement(using: &rng) ?? .acknowledge
        let address: UInt32 = Bool.random(using: &rng) ? 0xFFFF_FFFF : UInt32.random(in: 0...UInt32.max, using: &rng)
        let length = Int.random(in: 0...(Bool.random(using: &rng) ? 8 : 260), using: &rng)
        let payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return EF01Packet(address: address, type: type, payload: payload)
    }

    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let index = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &rng)
        case 1: bytes[index] = UInt8.random(in: 0...255, using: &rng)
        case 2: bytes.insert(contentsOf: [0xEF, 0x01], at: index)
        case 3: bytes.insert(0x55, at: index)
        case 4: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...12, using: &rng)))
        case 5: bytes.removeSubrange(index...)
        case 6:
            let end = min(bytes.count, index + Int.random(in: 1...20, using: &rng))
            bytes.insert(contentsOf: Array(bytes[index..<end]), at: Int.random(in: 0...bytes.count, using: &rng))
        default:
            // Plant an extreme length field right after a header.
            bytes.insert(contentsOf: [0xEF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0xFF, 0xFF], at: index)
        }
    }

    @Test func randomBytesNeverTrapStallOrLeak() async {
        var rng = SplitMix64(seed: 0xC0FFEE)
        var violations: [String] = []
        var packets = 0
        for round in 0..<10_000 {
            // Let the timing-sensitive tests running in parallel have a cooperative thread.
            if round % 250 == 0 { await Task.yield() }
            let length = Int.random(in: 0...400, using: &rng)
            // Bias towards header bytes so the interesting paths are reached.
            let stream = (0..<length).map { _ -> UInt8 in
                switch UInt8.random(in: 0...9, using: &rng) {
                case 0: 0xEF
                case 1: 0x01
                case 2: 0x07
                case 3: 0x00
                default: UInt8.random(in: 0...255, using: &rng)
                }
            }
            let outcome = Self.run(stream, maxPayload: 256, rng: &rng)
            packets += outcome.packets.count
            violations += outcome.violations
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func mutatedValidStreamsNeverTrapStallOrLeak() async {
        var rng = SplitMix64(seed: 0xEF01)
        var violations: [String] = []
        var decodedPackets = 0
        var errorKinds = Set<String>()
        for round in 0..<12_000 {
            if round % 250 == 0 { await Task.yield() }
            let originals = (0..<Int.random(in: 1...4, using: &rng)).map { _ in Self.randomPacket(&rng) }
            var stream = originals.flatMap { $0.encoded() }
            let mutations = round % 6 == 0 ? 0 : Int.random(in: 1...4, using: &rng)
            for _ in 0..<mutations { Self.mutate(&stream, &rng) }
            let maxPayload = [32, 64, 128, 256].randomElement(using: &rng) ?? 256
            let outcome = Self.run(stream, maxPayload: maxPayload, rng: &rng)
            violations += outcome.violations
            decodedPackets += outcome.packets.count
            for error in outcome.errors { errorKinds.insert(String(describing: error).prefix(20).description) }
            if mutations == 0 {
                let expected = originals.filter { $0.payload.count <= maxPayload }
                if outcome.packets != expected, !originals.contains(where: { $0.payload.count > maxPayload }) {
                    violations.append("clean stream decoded differently in round \(round)")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(decodedPackets > 5_000)
        #expect(errorKinds.count >= 4, "\(errorKinds)")
    }
}
