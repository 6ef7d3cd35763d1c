import HadirCore
import Testing

@testable import HadirScanner

struct EF01DataPacketTests {
    static func template(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    @Test(
        "splits and reassembles templates at every packet size",
        arguments: EF01Packet.dataPacketSizes, [1, 31, 32, 512, 810, 1536, 36_864])
    func splitAndReassembleRoundTrip(packetSize: Int, length: Int) throws {
        let data = Self.template(length, seed: UInt64(length))
        let packets = EF01Packet.dataPackets(for: data, packetSize: packetSize, address: 0xFFFF_FFFF)
        #expect(packets.count == (length + packetSize - 1) / packetSize)
        #expect(packets.dropLast().allSatisfy { $0.type == .data && $0.payload.count == packetSize })
        #expect(packets.last?.type == .endData)

        // Through the wire: encode, decode, assemble.
        var decoder = EF01FrameDecoder(maxPayload: packetSize)
        decoder.feed(packets.flatMap { $0.encoded() })
        var assembler = EF01DataAssembler()
        var result: [UInt8]?
        var seen = 0
        while let packet = try decoder.next() {
            seen += 1
            let done = try assembler.add(packet)
            #expect((done != nil) == (seen == packets.count))
            if let done { result = done }
        }
        #expect(result == data)
        #expect(assembler.byteCount == 0)
    }

    @Test func emptyDataIsASingleEndPacket() throws {
        let packets = EF01Packet.dataPackets(for: [], packetSize: 128, address: 1)
        #expect(packets == [EF01Packet(address: 1, type: .endData, payload: [])])
        var assembler = EF01DataAssembler()
        #expect(try assembler.add(packets[0]) == [])
    }

    @Test func nonPositivePacketSizeStillSplits() {
        let packets = EF01Packet.dataPackets(for: [1, 2, 3], packetSize: 0, address: 1)
        #expect(packets.map(\.payload) == [[1], [2], [3]])
    }

    @Test func assemblerRefusesOversizedTransfersAndRecovers() throws {
        var assembler = EF01DataAssembler(maxBytes: 100)
        let packets = EF01Packet.dataPackets(for: Self.template(150), packetSize: 64, address: 1)
        #expect(try assembler.add(packets[0]) == nil)
        #expect(throws: EF01FrameError.dataTooLarge(128)) { try assembler.add(packets[1]) }
        #expect(assembler.byteCount == 0)
        let small = EF01Packet.dataPackets(for: Self.template(80), packetSize: 64, address: 1)
        #expect(try assembler.add(small[0]) == nil)
        #expect(try assembler.add(small[1]) == Self.template(80))
    }

    @Test func assemblerRejectsNonDataPackets() throws {
        var assembler = EF01DataAssembler()
        #expect(throws: EF01FrameError.unexpectedPacketType(.acknowledge)) {
            try assembler.add(EF01Acknowledgement(code: 0).packet(address: 1))
        }
        #expect(throws: EF01FrameError.unexpectedPacketType(.command)) {
            try assembler.add(EF01Command.genImg.packet(address: 1))
        }
    }
}
