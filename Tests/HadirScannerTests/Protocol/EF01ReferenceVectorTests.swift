import Testing

@testable import HadirScanner

/// The byte vectors from the reference (scanner-modules.md §1), checked both ways.
struct EF01ReferenceVectorTests {
    enum Message: Sendable, Equatable {
        case command(EF01Command)
        case acknowledgement(EF01Acknowledgement)

        var packet: EF01Packet {
            switch self {
            case .command(let command): command.packet(address: 0xFFFF_FFFF)
            case .acknowledgement(let ack): ack.packet(address: 0xFFFF_FFFF)
            }
        }
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var hex: String
        var message: Message
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "VfyPwd(0)", hex: "EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B",
            message: .command(.verifyPassword(0))),
        Vector(
            name: "ACK ok", hex: "EF 01 FF FF FF FF 07 00 03 00 00 0A",
            message: .acknowledgement(EF01Acknowledgement(code: 0x00))),
        Vector(
            name: "GenImg", hex: "EF 01 FF FF FF FF 01 00 03 01 00 05",
            message: .command(.genImg)),
        Vector(
            name: "ACK no finger", hex: "EF 01 FF FF FF FF 07 00 03 02 00 0C",
            message: .acknowledgement(EF01Acknowledgement(code: 0x02))),
        Vector(
            name: "Img2Tz(buf 1)", hex: "EF 01 FF FF FF FF 01 00 04 02 01 00 08",
            message: .command(.img2Tz(buffer: 1))),
        Vector(
            name: "Search(1,0,200)", hex: "EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 C8 00 D6",
            message: .command(.search(buffer: 1, start: 0, count: 200))),
        Vector(
            name: "ACK found id5 s150", hex: "EF 01 FF FF FF FF 07 00 07 00 00 05 00 96 00 A9",
            message: .acknowledgement(
                EF01Acknowledgement(code: 0x00, data: EF01SearchMatch(slot: 5, score: 150).bytes))),
        Vector(
            name: "ACK not found", hex: "EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17",
            message: .acknowledgement(
                EF01Acknowledgement(code: 0x09, data: EF01SearchMatch(slot: 0, score: 0).bytes))),
        Vector(
            name: "Store(1, id 5)", hex: "EF 01 FF FF FF FF 01 00 06 06 01 00 05 00 13",
            message: .command(.store(buffer: 1, slot: 5))),
        Vector(
            name: "ReadSysPara", hex: "EF 01 FF FF FF FF 01 00 03 0F 00 13",
            message: .command(.readSysPara)),
        Vector(
            name: "AuraLed breathe blue", hex: "EF 01 FF FF FF FF 01 00 07 35 01 80 02 00 00 C0",
            message: .command(.auraLed(control: 1, speed: 0x80, colour: 2, cycles: 0))),
    ]

    @Test("encodes the reference vector byte for byte", arguments: vectors)
    func encodesReferenceVector(_ vector: Vector) {
        #expect(hexString(vector.message.packet.encoded()) == vector.hex)
    }

    @Test("decodes the reference vector to the same message", arguments: vectors)
    func decodesReferenceVector(_ vector: Vector) throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(hexBytes(vector.hex))
        let packet = try #require(try decoder.next())
        #expect(packet.address == 0xFFFF_FFFF)
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.discardedByteCount == 0)
        switch vector.message {
        case .command(let command):
            #expect(packet.type == .command)
            #expect(try EF01Command(packet: packet) == command)
        case .acknowledgement(let ack):
            #expect(packet.type == .acknowledge)
            #expect(try EF01Acknowledgement(packet: packet) == ack)
        }
    }

    @Test func searchFoundVectorParsesToSlotAndScore() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(hexBytes("EF 01 FF FF FF FF 07 00 07 00 00 05 00 96 00 A9"))
        let ack = try EF01Acknowledgement(packet: #require(try decoder.next()))
        #expect(ack.isSuccess)
        #expect(try EF01SearchMatch(bytes: ack.data) == EF01SearchMatch(slot: 5, score: 150))
    }

    @Test func notFoundVectorIsFullLengthAndReportsNotFound() throws {
        var decoder = EF01FrameDecoder()
        decoder.feed(hexBytes("EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17"))
        let ack = try EF01Acknowledgement(packet: #require(try decoder.next()))
        #expect(ack.error == .notFound)
        #expect(ack.data.count == EF01SearchMatch.byteCount)
    }
}
