import HadirCore
import HadirPull
import Testing

/// Seeded fuzzing of everything that parses bytes from the network.
///
/// Errors are typed by construction (typed throws); these tests check the rest of the contract:
/// no trap, every call ends in a packet, nil or an error, clean streams decode exactly, a failed
/// decoder stays failed, and bytes are accounted for.
struct ZKProtocolFuzzTests {
    static func randomPacket(_ rng: inout SplitMix64) -> ZKPacket {
        let commands: [ZKCommand] = [.connect, .auth, .optionsRead, .prepareBuffer, .readBuffer, .userWrite, .ackOK, .data]
        let unknown = ZKCommand(rawValue: UInt16.random(in: 0...UInt16.max, using: &rng))
        let command = Bool.random(using: &rng) ? commands.randomElement(using: &rng)! : unknown
        let length = rng.count(in: 0...(rng.count(in: 0...9) == 0 ? 2000 : 80))
        return ZKPacket(
            command: command, sessionID: UInt16.random(in: 0...0x1FFF, using: &rng),
            replyID: UInt16.random(in: 0...UInt16.max, using: &rng), payload: rng.bytes(length))
    }

    /// Flips, inserts, deletes or overwrites a few bytes.
    static func mutate(_ stream: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = stream
        for _ in 0..<rng.count(in: 1...4) {
            let index = rng.count(in: 0...max(0, bytes.count - 1))
            switch rng.count(in: 0...3) {
            case 0 where !bytes.isEmpty: bytes[index] ^= UInt8.random(in: 1...255, using: &rng)
            case 1: bytes.insert(contentsOf: rng.bytes(rng.count(in: 1...8)), at: min(index, bytes.count))
            case 2 where !bytes.isEmpty: bytes.removeSubrange(index..<min(bytes.count, index + rng.count(in: 1...8)))
            default:
                // A huge little-endian number, likely to land on a length field.
                guard bytes.count > 8 else { continue }
                bytes.replaceSubrange(index..<min(bytes.count, index + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
            }
        }
        return bytes
    }

    struct Outcome {
        var packets: [ZKPacket] = []
        var error: ZKFrameError?
    }

    /// Feeds `stream` in random chunks, draining after each; checks the decoder's invariants.
    static func run(_ stream: [UInt8], maximum: Int, _ rng: inout SplitMix64) -> Outcome {
        var decoder = ZKTCPFrameDecoder(maximumPacketLength: maximum)
        var outcome = Outcome()
        var offset = 0
        var consumed = 0
        while offset < stream.count {
            let end = min(stream.count, offset + rng.count(in: 1...300))
            decoder.append(stream[offset..<end])
            offset = end
            drain: while true {
                do {
                    guard let packet = try decoder.next() else { break drain }
                    #expect(packet.payload.count + ZKPacket.headerLength <= maximum)
                    consumed += ZKPacket.tcpPrefixLength + ZKPacket.headerLength + packet.payload.count
                    outcome.packets.append(packet)
                } catch {
                    if let previous = outcome.error { #expect(error == previous) }
                    outcome.error = error
                    #expect(decoder.bufferedByteCount == 0)
                    break drain
                }
            }
            if outcome.error == nil { #expect(consumed + decoder.bufferedByteCount == offset) }
        }
        // A failed decoder keeps failing with the same error.
        if let error = outcome.error {
            #expect(throws: error) { try decoder.next() }
        }
        return outcome
    }

    @Test func tcpDecoderReturnsCleanStreamsExactly() {
        var rng = SplitMix64(seed: 4370)
        for _ in 0..<400 {
            let packets = (0..<rng.count(in: 1...6)).map { _ in Self.randomPacket(&rng) }
            let stream = packets.flatMap { $0.encodedForTCP() }
            let outcome = Self.run(stream, maximum: ZKTCPFrameDecoder.defaultMaximumPacketLength, &rng)
            #expect(outcome.error == nil)
            #expect(outcome.packets.map { $0.encodedForTCP() } == packets.map { $0.encodedForTCP() })
            #expect(outcome.packets.allSatisfy { $0.hasValidChecksum })
        }
    }

    @Test func tcpDecoderSurvivesMutatedAndRandomStreams() {
        var rng = SplitMix64(seed: 0xBAD_5EED)
        for iteration in 0..<3000 {
            let stream: [UInt8]
            if iteration % 4 == 0 {
                // Pure noise, sometimes behind a valid magic so the length paths are reached.
                let noise = rng.bytes(rng.count(in: 0...200))
                stream = Bool.random(using: &rng) ? ZKPacket.tcpMagic + noise : noise
            } else {
                let packets = (0..<rng.count(in: 1...4)).map { _ in Self.randomPacket(&rng) }
                stream = Self.mutate(packets.flatMap { $0.encodedForTCP() }, &rng)
            }
            let maximum = Bool.random(using: &rng) ? 256 : ZKTCPFrameDecoder.defaultMaximumPacketLength
            let outcome = Self.run(stream, maximum: maximum, &rng)
            // Whatever came out re-encodes with a length the decoder accepted.
            for packet in outcome.packets {
                #expect(packet.encoded().count <= maximum)
            }
        }
    }

    @Test func datagramDecoderSurvivesRandomBytes() {
        var rng = SplitMix64(seed: 0xDA7A_6AA0)
        for _ in 0..<5000 {
            let bytes = rng.bytes(rng.count(in: 0...64))
            do {
                let packet = try ZKPacket.decode(datagram: bytes)
                #expect(bytes.count >= ZKPacket.headerLength)
                var expected = bytes
                expected[2] = UInt8(packet.expectedChecksum & 0xFF)
                expected[3] = UInt8(packet.expectedChecksum >> 8)
                // Re-encoding reproduces the datagram except for a corrected checksum.
                #expect(packet.encoded() == expected)
                #expect(packet.hasValidChecksum == (expected == bytes))
            } catch {
                #expect(error == .truncated(length: bytes.count))
                #expect(bytes.count < ZKPacket.headerLength)
            }
        }
    }

    @Test func recordDecodersSurviveRandomPayloads() {
        var rng = SplitMix64(seed: 0x0DEC_0DE5)
        let favouredLengths = [0, 4, 6, 7, 8, 11, 28, 36, 40, 72, 92]
        for _ in 0..<4000 {
            let length = Bool.random(using: &rng) ? favouredLengths.randomElement(using: &rng)! : rng.count(in: 0...120)
            let payload = rng.bytes(length)
            if let user = try? ZKUser.decode(payload) {
                #expect(length == 72 || length == 28)
                var bytes: [UInt8] = []
                user.encode72(into: &bytes)
                #expect(bytes.count == 72)
                #expect(user.name.utf8.count <= 3 * 24)  // every byte at most one U+FFFD
            }
            if let request = try? ZKBufferRequest.decode(payload) {
                #expect(length >= 7)
                _ = request.content
            }
            if let request = try? ZKReadBufferRequest.decode(payload) {
                #expect(length >= 8)
                #expect(ZKReadBufferRequest(start: request.start, size: request.size).encoded() == Array(payload.prefix(8)))
            }
            if let record = try? ZKAttendanceRecord.decode(payload) {
                #expect(record.time.isValid)
            }
            _ = try? ZKTemplateEntry.decodeAll(payload)
            _ = try? ZKFreeSizes.decode(payload)
            _ = try? ZKLiveEvent.decode(payload)
            _ = ZKOptionCodec.name(fromRequest: payload)
            _ = ZKOptionCodec.assignment(fromWrite: payload)
            _ = ZKCommKey.verify(payload, key: UInt32.random(in: 0...UInt32.max, using: &rng), sessionID: 1)
            let time = ZKPackedTime.decode(UInt32.random(in: 0...UInt32.max, using: &rng))
            if time.isValid, ZKPackedTime.supportedYears.contains(time.year) {
                #expect(ZKPackedTime.encode(time).map(ZKPackedTime.decode) == time)
            }
        }
    }
}
