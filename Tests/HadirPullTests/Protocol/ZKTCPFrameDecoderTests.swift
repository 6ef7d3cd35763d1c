import HadirPull
import Testing

struct ZKTCPFrameDecoderTests {
    static let connectBytes = ProtocolHex.bytes("50 50 82 7D 08 00 00 00 E8 03 17 FC 00 00 00 00")

    /// Three packets of different shapes, as one TCP byte stream.
    static let samplePackets = [
        ZKPacket(command: .connect, sessionID: 0, replyID: 0),
        ZKPacket(command: .optionsRead, sessionID: 0xC0C5, replyID: 5, payload: Array("~OS".utf8) + [0]),
        ZKPacket(command: .userWrite, sessionID: 0x0101, replyID: 6, payload: [UInt8](repeating: 0x41, count: 72)),
    ]
    static var sampleStream: [UInt8] { samplePackets.flatMap { $0.encodedForTCP() } }

    /// Drains every complete packet.
    static func drain(_ decoder: inout ZKTCPFrameDecoder) throws(ZKFrameError) -> [ZKPacket] {
        var packets: [ZKPacket] = []
        while let packet = try decoder.next() { packets.append(packet) }
        return packets
    }

    /// The packets as a decoder returns them: with the received (correct) checksum filled in.
    static func received(_ packets: [ZKPacket]) -> [ZKPacket] {
        packets.map { packet in
            var copy = packet
            copy.receivedChecksum = packet.expectedChecksum
            return copy
        }
    }

    @Test func decodesReferenceConnectBytes() throws {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(Self.connectBytes)
        let packet = try #require(try decoder.next())
        #expect(packet.command == .connect)
        #expect(packet.sessionID == 0)
        #expect(packet.replyID == 0)
        #expect(packet.receivedChecksum == 0xFC17)
        #expect(packet.hasValidChecksum)
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func decodesStreamSplitAtEveryByteBoundary() throws {
        let stream = Self.sampleStream
        for split in 0...stream.count {
            var decoder = ZKTCPFrameDecoder()
            decoder.append(stream[..<split])
            var packets = try Self.drain(&decoder)
            decoder.append(stream[split...])
            packets += try Self.drain(&decoder)
            #expect(packets == Self.received(Self.samplePackets), "split at \(split)")
            #expect(decoder.bufferedByteCount == 0)
        }
    }

    @Test func decodesStreamFedOneByteAtATime() throws {
        var decoder = ZKTCPFrameDecoder()
        var packets: [ZKPacket] = []
        for byte in Self.sampleStream {
            decoder.append(CollectionOfOne(byte))
            packets += try Self.drain(&decoder)
        }
        #expect(packets == Self.received(Self.samplePackets))
    }

    @Test func decodesSeveralPacketsFromOneChunk() throws {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(Self.sampleStream + Self.sampleStream)
        let packets = try Self.drain(&decoder)
        #expect(packets == Self.received(Self.samplePackets + Self.samplePackets))
    }

    @Test func incompletePacketWaitsWithoutConsumingBytes() throws {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(Self.connectBytes.dropLast())
        #expect(try decoder.next() == nil)
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == Self.connectBytes.count - 1)
        decoder.append([0x00])
        #expect(try decoder.next()?.command == .connect)
    }

    @Test func rejectsBadMagicAsSoonAsFourBytesArrive() {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(Array("GET ".utf8))
        #expect(throws: ZKFrameError.badMagic([0x47, 0x45, 0x54, 0x20])) { try decoder.next() }
    }

    @Test func rejectsBadMagicAfterAGoodPacket() throws {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(Self.connectBytes + [0x50, 0x50, 0x82, 0x7E, 8, 0, 0, 0])
        #expect(try decoder.next()?.command == .connect)
        #expect(throws: ZKFrameError.badMagic([0x50, 0x50, 0x82, 0x7E])) { try decoder.next() }
    }

    @Test func rejectsOversizedLengthBeforeThePayloadArrives() {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(ZKPacket.tcpMagic + [0x01, 0x00, 0x10, 0x00])  // 1,048,577
        #expect(throws: ZKFrameError.oversized(length: 1_048_577, limit: 1_048_576)) { try decoder.next() }

        var small = ZKTCPFrameDecoder(maximumPacketLength: 100)
        small.append(ZKPacket.tcpMagic + [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: ZKFrameError.oversized(length: 4_294_967_295, limit: 100)) { try small.next() }
    }

    @Test func acceptsAPacketExactlyAtTheLimit() throws {
        var decoder = ZKTCPFrameDecoder(maximumPacketLength: 100)
        let packet = ZKPacket(command: .data, sessionID: 1, replyID: 2, payload: [UInt8](repeating: 7, count: 92))
        decoder.append(packet.encodedForTCP())
        #expect(try decoder.next()?.payload.count == 92)
    }

    @Test func aRaisedLimitTakesTheLargerPacketsThatFollow() throws {
        var decoder = ZKTCPFrameDecoder(maximumPacketLength: 16)
        let small = ZKPacket(command: .connect, sessionID: 0, replyID: 0)
        let large = ZKPacket(command: .data, sessionID: 1, replyID: 2, payload: [UInt8](repeating: 7, count: 500))
        decoder.append(small.encodedForTCP() + large.encodedForTCP())
        let first = try decoder.next()
        #expect(first?.command == .connect)
        decoder.maximumPacketLength = ZKTCPFrameDecoder.defaultMaximumPacketLength
        let second = try decoder.next()
        #expect(second?.payload.count == 500)
    }

    @Test func rejectsLengthsShorterThanTheHeaderAsTruncated() {
        for length in 0..<8 {
            var decoder = ZKTCPFrameDecoder()
            decoder.append(ZKPacket.tcpMagic + [UInt8(length), 0, 0, 0] + [UInt8](repeating: 0, count: 8))
            #expect(throws: ZKFrameError.truncated(length: length)) { try decoder.next() }
        }
    }

    @Test func staysFailedAfterAnError() throws {
        var decoder = ZKTCPFrameDecoder()
        decoder.append(ZKPacket.tcpMagic + [4, 0, 0, 0])
        #expect(throws: ZKFrameError.truncated(length: 4)) { try decoder.next() }
        decoder.append(Self.connectBytes)
        #expect(throws: ZKFrameError.truncated(length: 4)) { try decoder.next() }
        #expect(throws: ZKFrameError.truncated(length: 4)) { try decoder.next() }
        #expect(decoder.failure == .truncated(length: 4))
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func keepsBadChecksumPacketsAndFlagsThem() throws {
        var bytes = Self.connectBytes
        bytes[10] ^= 0x01
        var decoder = ZKTCPFrameDecoder()
        decoder.append(bytes + Self.connectBytes)
        let bad = try #require(try decoder.next())
        #expect(bad.command == .connect)
        #expect(!bad.hasValidChecksum)
        #expect(bad.receivedChecksum == 0xFC16)
        let good = try #require(try decoder.next())
        #expect(good.hasValidChecksum)
    }

    @Test func decodesLargePacketArrivingInSmallChunks() throws {
        let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let stream = ZKPacket(command: .saveUsersAndTemplates, sessionID: 3, replyID: 4, payload: payload).encodedForTCP()
        var decoder = ZKTCPFrameDecoder()
        var packets: [ZKPacket] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + 1460)
            decoder.append(stream[offset..<end])
            offset = end
            packets += try Self.drain(&decoder)
        }
        #expect(packets.count == 1)
        #expect(packets.first?.payload == payload)
        #expect(packets.first?.hasValidChecksum == true)
    }

    @Test func bufferStaysSmallOverALongStream() throws {
        let chunk = Array(repeating: Self.sampleStream, count: 50).flatMap { $0 }
        var decoder = ZKTCPFrameDecoder()
        var count = 0
        // Feed in pieces that never align with packet boundaries.
        for _ in 0..<40 {
            var offset = 0
            while offset < chunk.count {
                let end = min(chunk.count, offset + 777)
                decoder.append(chunk[offset..<end])
                offset = end
                count += try Self.drain(&decoder).count
                #expect(decoder.bufferedByteCount < 777 + 100)
            }
        }
        #expect(count == 40 * 50 * Self.samplePackets.count)
        #expect(decoder.bufferedByteCount == 0)
    }
}
