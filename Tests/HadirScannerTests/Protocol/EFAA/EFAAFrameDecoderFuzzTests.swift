import HadirCore
import Testing

@testable import HadirScanner

/// Deterministic fuzzing of the EFAA decoder and message parsers with random and mutated-valid
/// streams: no trap, progress on every call, bounded buffering, exact byte accounting, and every
/// frame either parses or gives a typed error.
struct EFAAFrameDecoderFuzzTests {
    static let seeds: [UInt64] = [1, 2, 3, 0xEFAA, 0xFACE, 20_261_123]

    struct Outcome {
        var frames = 0
        var errors = 0
        var violations: [String] = []
    }

    static func run(_ stream: [UInt8], maximumDataLength: Int, rng: inout SplitMix64) -> Outcome {
        var decoder = EFAAFrameDecoder(maximumDataLength: maximumDataLength)
        var outcome = Outcome()
        var offset = 0
        var consumed = 0
        while offset < stream.count {
            let chunk = Int.random(in: 1...max(1, min(48, stream.count - offset)), using: &rng)
            decoder.feed(stream[offset..<(offset + chunk)])
            offset += chunk
            while true {
                let before = decoder.bufferedByteCount
                do {
                    guard let frame = try decoder.next() else {
                        if decoder.bufferedByteCount >= EFAAFrame.minimumLength + maximumDataLength {
                            outcome.violations.append("buffer kept \(decoder.bufferedByteCount) bytes")
                        }
                        break
                    }
                    outcome.frames += 1
                    consumed += frame.encoded.count
                    // Both directions' parsers take any frame: a value or a typed error.
                    _ = try? EFAAMessage(frame: frame)
                    _ = try? EFAACommand(frame: frame)
                } catch {
                    outcome.errors += 1
                }
                if decoder.bufferedByteCount >= before {
                    outcome.violations.append("no progress with \(before) bytes buffered")
                    return outcome
                }
            }
        }
        if consumed + decoder.discardedByteCount + decoder.bufferedByteCount != stream.count {
            outcome.violations.append("bytes not accounted for")
        }
        return outcome
    }

    /// Valid frames of every kind, the material mutations start from.
    static var validFrames: [[UInt8]] {
        EFAAMessageTests.messages.compactMap { try? $0.frame().encoded } + EFAAFrameTests.vectors.map { $0.0.frame.encoded }
    }

    @Test(arguments: seeds)
    func randomBytes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let length = Int.random(in: 0..<600, using: &rng)
            // Biased towards sync bytes so frames actually start.
            let stream = (0..<length).map { _ -> UInt8 in
                switch Int.random(in: 0..<8, using: &rng) {
                case 0: 0xEF
                case 1: 0xAA
                case 2: 0x00
                default: UInt8.random(in: 0...255, using: &rng)
                }
            }
            let outcome = Self.run(stream, maximumDataLength: Int.random(in: 0...300, using: &rng), rng: &rng)
            #expect(outcome.violations.isEmpty, "seed \(seed): \(outcome.violations.prefix(3))")
        }
    }

    @Test(arguments: seeds)
    func mutatedValidStreams(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let frames = Self.validFrames
        var decodedSome = false
        for _ in 0..<200 {
            var stream: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) { stream += frames.randomElement(using: &rng)! }
            for _ in 0..<Int.random(in: 0...4, using: &rng) where !stream.isEmpty {
                let index = Int.random(in: 0..<stream.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: stream[index] = UInt8.random(in: 0...255, using: &rng)
                case 1: stream.remove(at: index)
                default: stream.insert(UInt8.random(in: 0...255, using: &rng), at: index)
                }
            }
            let outcome = Self.run(stream, maximumDataLength: 4096, rng: &rng)
            #expect(outcome.violations.isEmpty, "seed \(seed): \(outcome.violations.prefix(3))")
            decodedSome = decodedSome || outcome.frames > 0
        }
        #expect(decodedSome)
    }

    @Test(arguments: seeds)
    func unmutatedStreamsDecodeExactly(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let frames = Self.validFrames
        let picked = (0..<50).map { _ in frames.randomElement(using: &rng)! }
        let outcome = Self.run(picked.flatMap { $0 }, maximumDataLength: 4096, rng: &rng)
        #expect(outcome.frames == picked.count)
        #expect(outcome.errors == 0)
    }
}
