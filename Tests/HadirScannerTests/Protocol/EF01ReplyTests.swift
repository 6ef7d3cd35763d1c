import HadirCore
import Testing

@testable import HadirScanner

struct EF01ReplyTests {
    @Test func systemParametersParseFieldsBigEndian() throws {
        let bytes: [UInt8] = [
            0x00, 0x04, 0x00, 0x09, 0x00, 0xC8, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x02, 0x00, 0x06,
        ]
        let parameters = try EF01SystemParameters(bytes: bytes)
        #expect(parameters.status == 4)
        #expect(parameters.systemID == 9)
        #expect(parameters.capacity == 200)
        #expect(parameters.securityLevel == 3)
        #expect(parameters.address == 0xFFFF_FFFF)
        #expect(parameters.packetSizeCode == 2)
        #expect(parameters.packetSize == 128)
        #expect(parameters.baudMultiplier == 6)
        #expect(parameters.baudRate == 57600)
        #expect(parameters.bytes == bytes)
    }

    @Test func systemParametersRoundTripThroughAnAcknowledgement() throws {
        let parameters = EF01SystemParameters(
            status: 0, systemID: 9, capacity: 1000, securityLevel: 5, address: 0x0102_0304,
            packetSizeCode: 3, baudMultiplier: 12)
        let ack = EF01Acknowledgement(code: 0, data: parameters.bytes)
        var decoder = EF01FrameDecoder()
        decoder.feed(ack.packet(address: 0x0102_0304).encoded())
        let decoded = try EF01Acknowledgement(packet: #require(try decoder.next()))
        #expect(try EF01SystemParameters(bytes: decoded.data) == parameters)
    }

    @Test func packetSizeFollowsTheCode() {
        let sizes = (0...3).map { EF01SystemParameters(capacity: 1, packetSizeCode: UInt16($0)).packetSize }
        #expect(sizes == [32, 64, 128, 256])
        let bogus = EF01SystemParameters(capacity: 1, packetSizeCode: 9)
        #expect(!bogus.hasValidPacketSize)
        #expect(bogus.packetSize == 256)
    }

    @Test func shortSystemParametersAreRejected() {
        #expect(throws: EF01FrameError.replyTooShort(expected: 16, received: 15)) {
            try EF01SystemParameters(bytes: [UInt8](repeating: 0, count: 15))
        }
    }

    @Test func searchMatchAndScoresRoundTrip() throws {
        let match = EF01SearchMatch(slot: 0x01F3, score: 0x0123)
        #expect(match.bytes == [0x01, 0xF3, 0x01, 0x23])
        #expect(try EF01SearchMatch(bytes: match.bytes) == match)
        #expect(try EF01MatchScore(bytes: EF01MatchScore(score: 77).bytes).score == 77)
        #expect(try EF01TemplateCount(bytes: EF01TemplateCount(count: 513).bytes).count == 513)
        #expect(EF01TemplateCount(count: 513).bytes == [0x02, 0x01])
    }

    @Test func shortRepliesAreRejected() {
        #expect(throws: EF01FrameError.replyTooShort(expected: 4, received: 3)) {
            try EF01SearchMatch(bytes: [0, 0, 0])
        }
        #expect(throws: EF01FrameError.replyTooShort(expected: 2, received: 1)) { try EF01MatchScore(bytes: [0]) }
        #expect(throws: EF01FrameError.replyTooShort(expected: 2, received: 0)) { try EF01TemplateCount(bytes: []) }
    }

    @Test func indexTableBitsMapToSlots() throws {
        var bitmap = [UInt8](repeating: 0, count: 32)
        bitmap[0] = 0b0000_0001  // slot 0 on page 0
        bitmap[2] = 0b0000_1000  // byte 2 bit 3 -> 8 * 2 + 3 = 19
        bitmap[31] = 0b1000_0000  // last bit -> 255
        #expect(try EF01IndexTable.slots(page: 0, bitmap: bitmap) == [0, 19, 255])
        #expect(try EF01IndexTable.slots(page: 1, bitmap: bitmap) == [256, 275, 511])
        #expect(try EF01IndexTable.slots(page: 255, bitmap: bitmap) == [65280, 65299, 65535])
    }

    @Test func indexTableRoundTripsSlotSets() throws {
        var rng = SplitMix64(seed: 7)
        for page: UInt8 in 0...3 {
            let base = UInt16(page) * 256
            let slots = Set((0..<60).map { _ in base + UInt16.random(in: 0...255, using: &rng) })
            let bitmap = EF01IndexTable.bitmap(page: page, slots: slots)
            #expect(bitmap.count == 32)
            #expect(try EF01IndexTable.slots(page: page, bitmap: bitmap) == slots.sorted())
        }
    }

    @Test func indexTableBitmapIgnoresOtherPages() throws {
        let bitmap = EF01IndexTable.bitmap(page: 1, slots: [3, 256, 600])
        #expect(try EF01IndexTable.slots(page: 1, bitmap: bitmap) == [256])
    }

    @Test func shortIndexTableIsRejected() {
        #expect(throws: EF01FrameError.replyTooShort(expected: 32, received: 31)) {
            try EF01IndexTable.slots(page: 0, bitmap: [UInt8](repeating: 0, count: 31))
        }
    }

    @Test func pagesCoverTheCapacity() {
        #expect(EF01IndexTable.pages(forCapacity: 0) == nil)
        #expect(EF01IndexTable.pages(forCapacity: 200) == 0...0)
        #expect(EF01IndexTable.pages(forCapacity: 256) == 0...0)
        #expect(EF01IndexTable.pages(forCapacity: 257) == 0...1)
        #expect(EF01IndexTable.pages(forCapacity: 300) == 0...1)
        #expect(EF01IndexTable.pages(forCapacity: 1000) == 0...3)
    }
}
