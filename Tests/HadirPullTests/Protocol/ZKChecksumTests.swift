import HadirCore
import HadirPull
import Testing

struct ZKChecksumTests {
    @Test func checksumMatchesReferenceConnectBytes() {
        #expect(ZKChecksum.compute(command: 1000, sessionID: 0, replyID: 0, payload: []) == 0xFC17)
    }

    @Test func checksumMatchesReferenceOptionsReadBytes() {
        let payload = Array("~OS".utf8) + [0]
        #expect(ZKChecksum.compute(command: 11, sessionID: 0xC0C5, replyID: 5, payload: payload) == 0xEF58)
    }

    @Test func checksumMatchesReferenceAckOKBytes() {
        #expect(ZKChecksum.compute(command: 2000, sessionID: 0x04D2, replyID: 0, payload: []) == 0xF35D)
    }

    @Test func oddTrailingByteCountsAsLowByteOfAWord() {
        let odd: [UInt8] = [0x12, 0x34, 0x56]
        let padded: [UInt8] = [0x12, 0x34, 0x56, 0x00]
        #expect(
            ZKChecksum.compute(command: 1, sessionID: 2, replyID: 3, payload: odd)
                == ZKChecksum.compute(command: 1, sessionID: 2, replyID: 3, payload: padded))
        #expect(
            ZKChecksum.compute(command: 0, sessionID: 0, replyID: 0, payload: [0x56])
                == 0xFFFF - 0x56)
    }

    @Test func foldingKeepsNonZeroMultiplesOfFFFFApartFromZero() {
        // All zero: sum 0, checksum 0xFFFF.
        #expect(ZKChecksum.compute(command: 0, sessionID: 0, replyID: 0, payload: []) == 0xFFFF)
        // Sum exactly 0xFFFF is not folded: checksum 0.
        #expect(ZKChecksum.compute(command: 0xFFFF, sessionID: 0, replyID: 0, payload: []) == 0)
        // Sum 2 * 0xFFFF folds once to 0xFFFF: checksum 0 again, never 0xFFFF.
        #expect(ZKChecksum.compute(command: 0xFFFF, sessionID: 0xFFFF, replyID: 0, payload: []) == 0)
        // Sum 0x10000 folds to 1.
        #expect(ZKChecksum.compute(command: 0xFFFF, sessionID: 1, replyID: 0, payload: []) == 0xFFFE)
    }

    @Test func checksumAgreesWithStraightforwardReimplementationOverRandomPackets() {
        var rng = SplitMix64(seed: 0x5EED_C0DE)
        for iteration in 0..<3000 {
            let command = UInt16.random(in: 0...UInt16.max, using: &rng)
            let session = UInt16.random(in: 0...UInt16.max, using: &rng)
            let reply = UInt16.random(in: 0...UInt16.max, using: &rng)
            // Every tenth packet is all 0xFF so the carries fold many times.
            let length = rng.count(in: 0...(iteration % 50 == 0 ? 4000 : 70))
            let payload = iteration % 10 == 0 ? [UInt8](repeating: 0xFF, count: length) : rng.bytes(length)
            let expected = Self.referenceChecksum(command: command, session: session, reply: reply, payload: payload)
            #expect(ZKChecksum.compute(command: command, sessionID: session, replyID: reply, payload: payload) == expected)
        }
    }

    /// Spec §1 literally: lay the packet out with a zero checksum, add words one by one, fold by
    /// repeated subtraction, complement against 0xFFFF.
    static func referenceChecksum(command: UInt16, session: UInt16, reply: UInt16, payload: [UInt8]) -> UInt16 {
        var bytes: [UInt8] = [
            UInt8(command & 0xFF), UInt8(command >> 8), 0, 0, UInt8(session & 0xFF), UInt8(session >> 8),
            UInt8(reply & 0xFF), UInt8(reply >> 8),
        ]
        bytes += payload
        var sum = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += Int(bytes[index]) + Int(bytes[index + 1]) * 256
            index += 2
        }
        if index < bytes.count { sum += Int(bytes[index]) }
        while sum > 0xFFFF { sum -= 0xFFFF }
        return UInt16(0xFFFF - sum)
    }
}
