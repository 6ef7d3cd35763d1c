import Testing

@testable import HadirScanner

struct EF01FrameDecoderTests {
    static let ackOK = hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A")
    static let searchFound = hexBytes("EF 01 FF FF FF FF 07 00 07 00 00 05 00 96 00 A9")

    /// Drains every packet and error currently decodable.
    static func drain(_ decoder: inout EF01FrameDecoder) -> [Result<EF01Packet, EF01FrameError>] {
        var results: [Result<EF01Packet, EF01FrameError>] = []
        while true {
            do {
                guard let packet = try decoder.next() else { return results }
                results.append(.success(packet))
            } catch {
                results.append(.failure(error))
            }
        }
    }

    @Test func emptyDecoderNeedsMoreBytes() throws {
        var decoder = EF01FrameDecoder()
        #expect(try decoder.next() == nil)
    }

    @Test func truncatedFrameYieldsNilUntilTheLastByteArrives() throws {
        let frame = Self.searchFound
        for cut in 0..<frame.count {
            var decoder = EF01FrameDecoder()
            decoder.feed(frame[0..<cut])
            #expect(try decoder.next() == nil, "cut at \(cut)")
            #expect(decoder.discardedByteCount == 0)
            decoder.feed(frame[cut...])
            let packet = try #require(try decoder.next())
            #expect(packet.encoded() == frame)
        }
    }

    @Test func byteByByteDeliveryDecodesEveryFrame() throws {
        let stream = Self.ackOK + Self.searchFound + Self.ackOK
        var decoder = EF01FrameDecoder()
        var packets: [EF01Packet] = []
        for byte in stream {
            decoder.feed(CollectionOfOne(byte))
            if let packet = try decoder.next() { packets.append(packet) }
        }
        #expect(packets.map { $0.encoded() } == [Self.ackOK, Self.searchFound, Self.ackOK])
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func corruptChecksumThrowsThenNextFrameDecodes() throws {
        var corrupt = Self.ackOK
        corrupt[corrupt.count - 1] ^= 0xFF
        var decoder = EF01FrameDecoder()
        decoder.feed(corrupt + Self.searchFound)
        #expect(throws: EF01FrameError.badChecksum(expected: 0x000A, received: 0x00F5)) {
            try decoder.next()
        }
        #expect(decoder.discardedByteCount == corrupt.count)
        #expect(try decoder.next()?.encoded() == Self.searchFound)
    }

    @Test func corruptContentIsCaughtByChecksum() throws {
        var corrupt = Self.searchFound
        corrupt[11] = 0x06  // slot 5 -> 6
        var decoder = EF01FrameDecoder()
        decoder.feed(corrupt)
        #expect(throws: EF01FrameError.badChecksum(expected: 0x00AA, received: 0x00A9)) {
            try decoder.next()
        }
        #expect(try decoder.next() == nil)
    }

    @Test func oversizedLengthThrowsWithoutWaitingForTheBody() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(hexBytes("EF 01 FF FF FF FF 07 01 03") + Self.ackOK)
        #expect(throws: EF01FrameError.lengthTooLarge(0x0103)) { try decoder.next() }
        #expect(try decoder.next()?.encoded() == Self.ackOK)
    }

    @Test func lengthAtTheLimitIsAcceptedAndOneMoreIsNot() throws {
        let payload = [UInt8](repeating: 0xAB, count: 256)
        let largest = EF01Packet(address: 1, type: .data, payload: payload)
        var decoder = EF01FrameDecoder(maxPayload: 256)
        decoder.feed(largest.encoded())
        #expect(try decoder.next() == largest)

        let tooLarge = EF01Packet(address: 1, type: .data, payload: payload + [0])
        decoder.feed(tooLarge.encoded())
        #expect(throws: EF01FrameError.lengthTooLarge(259)) { try decoder.next() }
    }

    @Test func undersizedLengthThrows() throws {
        for length: UInt8 in [0, 1] {
            var decoder = EF01FrameDecoder()
            decoder.feed(hexBytes("EF 01 FF FF FF FF 07 00") + [length] + Self.ackOK)
            #expect(throws: EF01FrameError.lengthTooSmall(Int(length))) { try decoder.next() }
            #expect(try decoder.next()?.encoded() == Self.ackOK)
        }
    }

    @Test func emptyContentFrameDecodes() throws {
        let packet = EF01Packet(address: 7, type: .endData, payload: [])
        #expect(packet.encoded() == hexBytes("EF 01 00 00 00 07 08 00 02 00 0A"))
        var decoder = EF01FrameDecoder()
        decoder.feed(packet.encoded())
        #expect(try decoder.next() == packet)
    }

    @Test func unknownPacketTypeThrowsThenResyncs() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(hexBytes("EF 01 FF FF FF FF 05 00 03 00 00 08") + Self.ackOK)
        #expect(throws: EF01FrameError.unknownPacketType(0x05)) { try decoder.next() }
        #expect(try decoder.next()?.encoded() == Self.ackOK)
        #expect(decoder.discardedByteCount == 12)
    }

    @Test func garbageBeforeHeaderIsSkipped() throws {
        var decoder = EF01FrameDecoder()
        let garbage: [UInt8] = [0x00, 0xFF, 0x01, 0xEF, 0xEF, 0x02, 0x55]
        decoder.feed(garbage + Self.ackOK)
        #expect(try decoder.next()?.encoded() == Self.ackOK)
        #expect(decoder.discardedByteCount == garbage.count)
    }

    @Test func strayR503WakeByteBeforeAReplyIsSkipped() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed([0x55])
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)
        decoder.feed(Self.ackOK)
        #expect(try decoder.next()?.encoded() == Self.ackOK)
        #expect(decoder.discardedByteCount == 1)
    }

    @Test func trailingHeaderByteIsKeptUntilTheNextByteDecides() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed([0x55, 0xEF])
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 1)
        decoder.feed(Self.ackOK.dropFirst())
        #expect(try decoder.next()?.encoded() == Self.ackOK)
    }

    @Test func garbageWithoutHeaderDoesNotAccumulate() throws {
        var decoder = EF01FrameDecoder()
        for _ in 0..<1000 {
            decoder.feed([UInt8](repeating: 0x55, count: 1000))
            #expect(try decoder.next() == nil)
        }
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.discardedByteCount == 1_000_000)
    }

    @Test func resetDropsBufferedBytes() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(Self.ackOK.prefix(5))
        decoder.reset()
        #expect(decoder.bufferedByteCount == 0)
        decoder.feed(Self.ackOK)
        #expect(try decoder.next()?.encoded() == Self.ackOK)
    }

    @Test func addressIsDecodedBigEndian() throws {
        let packet = EF01Packet(address: 0x1234_5678, type: .acknowledge, payload: [0])
        #expect(Array(packet.encoded()[2..<6]) == [0x12, 0x34, 0x56, 0x78])
        var decoder = EF01FrameDecoder()
        decoder.feed(packet.encoded())
        #expect(try decoder.next()?.address == 0x1234_5678)
    }

    @Test func mixedStreamReportsEachProblemOnceAndKeepsGoodFrames() {
        var badChecksum = Self.ackOK
        badChecksum[11] = 0x0B
        let stream =
            [0x55] + Self.ackOK + badChecksum + hexBytes("EF 01 00 00 00 00 09 00 03") + Self.searchFound
        var decoder = EF01FrameDecoder()
        decoder.feed(stream)
        let results = Self.drain(&decoder)
        #expect(results.count == 4)
        #expect((try? results[0].get().encoded()) == Self.ackOK)
        #expect(results[1] == .failure(.badChecksum(expected: 0x0A, received: 0x0B)))
        #expect(results[2] == .failure(.unknownPacketType(0x09)))
        #expect((try? results[3].get().encoded()) == Self.searchFound)
    }

    @Test func acknowledgementFromNonAckPacketIsRejected() {
        let packet = EF01Command.genImg.packet(address: 0xFFFF_FFFF)
        #expect(throws: EF01FrameError.unexpectedPacketType(.command)) {
            try EF01Acknowledgement(packet: packet)
        }
        let empty = EF01Packet(address: 0, type: .acknowledge, payload: [])
        #expect(throws: EF01FrameError.emptyAcknowledgement) { try EF01Acknowledgement(packet: empty) }
    }

    @Test func frameErrorsDescribeThemselves() {
        let errors: [EF01FrameError] = [
            .badChecksum(expected: 1, received: 2), .lengthTooLarge(300), .lengthTooSmall(1),
            .unknownPacketType(9), .dataTooLarge(10), .unexpectedPacketType(.data), .emptyAcknowledgement,
            .replyTooShort(expected: 4, received: 1),
        ]
        for error in errors { #expect(!error.description.isEmpty) }
        #expect(EF01FrameError.badChecksum(expected: 0x0A, received: 0xF5).description.contains("0x000A"))
    }
}
