import HadirFuzzSupport
import HadirScanner

/// The parsers hadird (and the simulator) apply to a decoded packet: each returns a value or a typed
/// error, and every value re-encodes to what it was read from.
enum EF01PacketCheck {
    static func check(_ packet: EF01Packet) {
        checkCommand(packet)
        checkAcknowledgement(packet)
    }

    /// The simulator's side: a command it decodes encodes back to a command that decodes the same.
    /// (Not to the same bytes: AutoEnroll's flag bytes read any non-zero value as true.)
    static func checkCommand(_ packet: EF01Packet) {
        guard let command = try? EF01Command(packet: packet) else { return }
        let again = command.packet(address: packet.address)
        fuzzCheck(again.payload.count == packet.payload.count, "\(command) re-encodes to \(again.payload.count) bytes")
        fuzzCheck((try? EF01Command(packet: again)) == command, "\(command) does not survive a round trip")
    }

    static func checkAcknowledgement(_ packet: EF01Packet) {
        guard let reply = try? EF01Acknowledgement(packet: packet) else { return }
        fuzzCheck(reply.packet(address: packet.address) == packet, "acknowledgement does not re-encode to its packet")
        fuzzCheck(reply.isSuccess == (reply.error == nil), "code \(reply.code): success and error disagree")
        let data = reply.data
        if let match = try? EF01SearchMatch(bytes: data) {
            fuzzCheck(match.bytes == Array(data.prefix(EF01SearchMatch.byteCount)), "search match does not re-encode")
        }
        if let score = try? EF01MatchScore(bytes: data) {
            fuzzCheck(score.bytes == Array(data.prefix(EF01MatchScore.byteCount)), "match score does not re-encode")
        }
        if let count = try? EF01TemplateCount(bytes: data) {
            fuzzCheck(count.bytes == Array(data.prefix(EF01TemplateCount.byteCount)), "template count does not re-encode")
        }
        if let parameters = try? EF01SystemParameters(bytes: data) {
            fuzzCheck(parameters.bytes == Array(data.prefix(EF01SystemParameters.byteCount)), "system parameters do not re-encode")
            fuzzCheck(EF01Packet.dataPacketSizes.contains(parameters.packetSize), "packet size \(parameters.packetSize)")
        }
        checkIndexTable(data, page: UInt8(truncatingIfNeeded: reply.code))
    }

    /// Slots read from a bitmap page are ascending, inside that page, and mark the same bitmap again.
    static func checkIndexTable(_ bitmap: [UInt8], page: UInt8) {
        guard let slots = try? EF01IndexTable.slots(page: page, bitmap: bitmap) else { return }
        let first = Int(page) * EF01IndexTable.slotsPerPage
        fuzzCheck(slots == slots.sorted() && Set(slots).count == slots.count, "index table slots not ascending and unique")
        fuzzCheck(
            slots.allSatisfy { (first..<(first + EF01IndexTable.slotsPerPage)).contains(Int($0)) }, "index table slot outside page \(page)")
        fuzzCheck(
            EF01IndexTable.bitmap(page: page, slots: slots) == Array(bitmap.prefix(EF01IndexTable.bytesPerPage)),
            "index table page \(page) does not re-encode")
    }
}
