import HadirScanner
import HadirSimulator
import Testing

@Suite("Template instructions")
struct TemplateInstructionTests {
    @Test func matchOfTwoPressesOfTheSameFingerSucceedsWithScore() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        try host.capture(17, into: 2)
        let ack = try host.ack(.match)
        #expect(ack.code == 0x00)
        #expect(try EF01MatchScore(bytes: ack.data).score == 67)
    }

    @Test func matchOfDifferentFingersIsAFullLength08() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        try host.capture(18, into: 2)
        let ack = try host.ack(.match)
        #expect(ack.code == 0x08)
        #expect(ack.data == [0, 0])
    }

    @Test func searchFindsTheSlotHoldingTheFingerWithItsScore() throws {
        var host = TestHost()
        try host.enroll(17, at: 5)
        try host.enroll(18, at: 6)
        try host.capture(18, into: 1)
        let ack = try host.ack(.search(buffer: 1, start: 0, count: 200))
        #expect(ack.code == 0x00)
        #expect(try EF01SearchMatch(bytes: ack.data) == EF01SearchMatch(slot: 6, score: 68))
    }

    @Test func searchMatchesTheReferenceVectors() throws {
        var host = TestHost()
        try host.enroll(100, at: 5)  // score 50 + 100 = 150 = 0x96
        try host.capture(100, into: 1)
        let found = host.module.receive(hexBytes("EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 C8 00 D6"))
        #expect(found == hexBytes("EF 01 FF FF FF FF 07 00 07 00 00 05 00 96 00 A9"))
        try host.capture(101, into: 1)
        let missing = host.module.receive(hexBytes("EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 C8 00 D6"))
        #expect(missing == hexBytes("EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17"))
    }

    @Test func searchOutsideTheRequestedRangeIsNotFound() throws {
        var host = TestHost()
        try host.enroll(17, at: 50)
        try host.capture(17, into: 1)
        #expect(try host.code(.search(buffer: 1, start: 0, count: 50)) == 0x09)
        #expect(try host.code(.search(buffer: 1, start: 51, count: 100)) == 0x09)
        #expect(try host.code(.search(buffer: 1, start: 50, count: 1)) == 0x00)
    }

    @Test func hiSpeedSearchBehavesLikeSearchIncludingFullLengthNotFound() throws {
        var host = TestHost()
        try host.enroll(17, at: 2)
        try host.capture(17, into: 2)
        let found = try host.ack(.hiSpeedSearch(buffer: 2, start: 0, count: 1000))
        #expect(try EF01SearchMatch(bytes: found.data) == EF01SearchMatch(slot: 2, score: 67))
        try host.capture(99, into: 2)
        let missing = try host.ack(.hiSpeedSearch(buffer: 2, start: 0, count: 1000))
        #expect(missing.code == 0x09)
        #expect(missing.data == [0, 0, 0, 0])
    }

    @Test func regModelRefusesPressesOfDifferentFingers() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        try host.capture(18, into: 2)
        #expect(try host.code(.regModel) == 0x0A)
    }

    @Test func regModelWithEmptyBuffersAnswers0A() throws {
        var host = TestHost()
        #expect(try host.code(.regModel) == 0x0A)
    }

    @Test func loadCharLoadsAStoredTemplateAndRejectsEmptyOrOutOfRangeSlots() throws {
        var host = TestHost()
        try host.enroll(17, at: 7)
        #expect(try host.code(.loadChar(buffer: 2, slot: 7)) == 0x00)
        #expect(host.module.buffers[1] == (try fingerNumber(17)).template(size: 512))
        #expect(try host.code(.loadChar(buffer: 2, slot: 8)) == 0x0C)
        #expect(try host.code(.loadChar(buffer: 2, slot: 1000)) == 0x0B)
    }

    @Test func upCharSendsTheTemplateInPacketsOfTheCurrentPacketSize() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        let upload = try host.upload(.upChar(buffer: 1))
        #expect(upload.ack.code == 0x00)
        #expect(upload.data == (try fingerNumber(17)).template(size: 512))
        #expect(upload.packets.map(\.payload.count) == [128, 128, 128, 128])
        #expect(upload.packets.map(\.type) == [.data, .data, .data, .endData])
    }

    @Test func changingThePacketSizeChangesUpCharChunking() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        #expect(try host.code(.setSysPara(parameter: 6, value: 0)) == 0x00)
        let small = try host.upload(.upChar(buffer: 1))
        #expect(small.packets.count == 16)
        #expect(small.packets.allSatisfy { $0.payload.count == 32 })
        #expect(try host.code(.setSysPara(parameter: 6, value: 3)) == 0x00)
        let large = try host.upload(.upChar(buffer: 1))
        #expect(large.packets.map(\.payload.count) == [256, 256])
        #expect(large.data == small.data)
    }

    @Test func upCharOfAnEmptyBufferAnswers0D() throws {
        var host = TestHost()
        let upload = try host.upload(.upChar(buffer: 2))
        #expect(upload.ack.code == 0x0D)
        #expect(upload.packets.isEmpty)
    }

    @Test func downCharOfAVirtualFingersTemplateMatchesThatFinger() throws {
        var host = TestHost()
        try host.enroll(17, at: 3)
        #expect(try host.code(.downChar(buffer: 1)) == 0x00)
        #expect(try host.download((try fingerNumber(17)).template(size: 512), packetSize: 64).isEmpty)
        let ack = try host.ack(.search(buffer: 1, start: 0, count: 1000))
        #expect(try EF01SearchMatch(bytes: ack.data) == EF01SearchMatch(slot: 3, score: 67))
    }

    @Test func downCharOfAnArbitraryTemplateMatchesOnlyAByteIdenticalCopy() throws {
        var host = TestHost()
        let foreign = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        _ = try host.code(.downChar(buffer: 1))
        _ = try host.download(foreign)
        #expect(try host.code(.store(buffer: 1, slot: 9)) == 0x00)
        try host.enroll(17, at: 10)
        _ = try host.code(.downChar(buffer: 1))
        _ = try host.download(foreign)
        #expect(try EF01SearchMatch(bytes: try host.ack(.search(buffer: 1, start: 0, count: 1000)).data).slot == 9)
        var altered = foreign
        altered[100] ^= 1
        _ = try host.code(.downChar(buffer: 1))
        _ = try host.download(altered)
        #expect(try host.code(.search(buffer: 1, start: 0, count: 1000)) == 0x09)
    }

    @Test func downCharThenUpCharRoundTripsTheBytes() throws {
        var host = TestHost()
        let foreign = (0..<512).map { UInt8(truncatingIfNeeded: $0 * 31 + 5) }
        _ = try host.code(.downChar(buffer: 2))
        _ = try host.download(foreign, packetSize: 256)
        #expect(try host.upload(.upChar(buffer: 2)).data == foreign)
    }

    @Test func aCommandInTheMiddleOfDownCharAbandonsTheTransfer() throws {
        var host = TestHost()
        _ = try host.code(.downChar(buffer: 1))
        let packets = EF01Packet.dataPackets(
            for: [UInt8](repeating: 1, count: 512), packetSize: 128, address: host.address)
        _ = host.module.receive(packets[0].encoded())
        #expect(try host.code(.handshake) == 0x00)
        _ = host.module.receive(packets[3].encoded())  // stray end packet: ignored, no reply
        #expect(host.module.buffers[0] == nil)
    }
}
