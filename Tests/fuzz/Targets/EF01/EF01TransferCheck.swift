import HadirFuzzSupport
import HadirScanner

/// The data-packet reassembly (UpChar, UpImage, DownChar) against a model of what it should hold.
struct EF01TransferCheck {
    private var assembler: EF01DataAssembler
    /// What the assembler should have collected so far.
    private var expected: [UInt8] = []

    init(maxBytes: Int) {
        assembler = EF01DataAssembler(maxBytes: maxBytes)
    }

    /// Adds a packet and checks the outcome: a transfer is the concatenation of its data packets'
    /// payloads, never beyond the limit; other packet types are refused without losing the transfer.
    mutating func add(_ packet: EF01Packet) {
        do {
            let transfer = try assembler.add(packet)
            expected += packet.payload
            if let transfer {
                fuzzCheck(packet.type == .endData, "a \(packet.type) packet ended a transfer")
                fuzzCheck(transfer == expected, "transfer of \(transfer.count) bytes, expected \(expected.count)")
                expected = []
            } else {
                fuzzCheck(packet.type == .data, "a \(packet.type) packet left the transfer open")
            }
        } catch .dataTooLarge(let total) {
            fuzzCheck(total == expected.count + packet.payload.count, "dataTooLarge(\(total)) miscounted")
            fuzzCheck(total > assembler.maxBytes, "dataTooLarge(\(total)) within the limit \(assembler.maxBytes)")
            expected = []
        } catch .unexpectedPacketType(let type) {
            fuzzCheck(type == packet.type && (type == .command || type == .acknowledge), "refused a \(type) packet")
        } catch {
            fuzzCheck(false, "assembler threw \(error)")
        }
        fuzzCheck(assembler.byteCount == expected.count, "assembler holds \(assembler.byteCount) bytes, expected \(expected.count)")
        fuzzCheck(assembler.byteCount <= assembler.maxBytes, "assembler holds \(assembler.byteCount) bytes over its limit")
    }

    /// Splitting any blob into data packets and reassembling them gives the blob back.
    static func checkSplitAndJoin(_ blob: [UInt8], packetSize: Int) {
        let packets = EF01Packet.dataPackets(for: blob, packetSize: packetSize, address: EF01Packet.defaultAddress)
        fuzzCheck(packets.allSatisfy { $0.payload.count <= packetSize }, "data packet over \(packetSize) bytes")
        var assembler = EF01DataAssembler(maxBytes: blob.count)
        var joined: [UInt8]?
        for (index, packet) in packets.enumerated() {
            fuzzCheck(joined == nil, "transfer ended before packet \(index) of \(packets.count)")
            joined = try? assembler.add(packet)
        }
        fuzzCheck(joined == blob, "\(blob.count) bytes split into \(packets.count) packets do not join back")
    }
}
