import HadirCore
import HadirPull
import Testing

struct ZKCommKeyTests {
    @Test func makesReferencePayloadForKey123456() {
        #expect(ZKCommKey.make(key: 123_456, sessionID: 0x04D2) == ProtocolHex.bytes("26 7F 32 FD"))
    }

    @Test func verifiesReferencePayload() {
        #expect(ZKCommKey.verify(ProtocolHex.bytes("26 7F 32 FD"), key: 123_456, sessionID: 0x04D2))
    }

    @Test func rejectsWrongKeySessionOrLength() {
        let payload = ProtocolHex.bytes("26 7F 32 FD")
        #expect(!ZKCommKey.verify(payload, key: 123_457, sessionID: 0x04D2))
        #expect(!ZKCommKey.verify(payload, key: 0, sessionID: 0x04D2))
        #expect(!ZKCommKey.verify(payload, key: 123_456, sessionID: 0x05D2))
        #expect(!ZKCommKey.verify(Array(payload.prefix(3)), key: 123_456, sessionID: 0x04D2))
        #expect(!ZKCommKey.verify(payload + [0], key: 123_456, sessionID: 0x04D2))
        #expect(!ZKCommKey.verify([], key: 123_456, sessionID: 0x04D2))
    }

    @Test func sessionIDsDifferingOnlyInTheDroppedLowByteShareAPayload() {
        // Weakness of the scheme itself: b0 is overwritten by the ticks byte, so the session id's
        // low byte (short of a carry) never reaches the wire. Documented, not fixable device-side.
        #expect(ZKCommKey.make(key: 123_456, sessionID: 0x04D2) == ZKCommKey.make(key: 123_456, sessionID: 0x04D3))
    }

    @Test func takesTicksFromByteTwo() {
        for ticks in [UInt8(0), 1, 50, 0x80, 0xFF] {
            let payload = ZKCommKey.make(key: 999, sessionID: 42, ticks: ticks)
            #expect(payload[2] == ticks)
            #expect(ZKCommKey.verify(payload, key: 999, sessionID: 42))
        }
    }

    @Test func keysWithAllOnesLowBitsVerifyForSessionIDsUpTo1FFF() {
        // pyzk adds without wrapping and crashes past 2^32; ids <= 0x1FFF keep these keys below it.
        for key: UInt32 in [524_287, 786_431] {
            for session in UInt16(1)...0x1FFF {
                #expect(UInt64(Self.reversedByText(key)) + UInt64(session) <= UInt64(UInt32.max))
                let payload = Self.pyzkCommKey(key: key, session: session, ticks: 50)
                #expect(ZKCommKey.make(key: key, sessionID: session) == payload)
                #expect(ZKCommKey.verify(payload, key: key, sessionID: session))
            }
        }
    }

    @Test func matchesIndependentReimplementationForRandomKeys() {
        var rng = SplitMix64(seed: 1102)
        for _ in 0..<2000 {
            let key = UInt32.random(in: 0...999_999, using: &rng)
            let session = UInt16.random(in: 1...0x1FFF, using: &rng)
            let ticks = UInt8.random(in: 0...255, using: &rng)
            #expect(
                ZKCommKey.make(key: key, sessionID: session, ticks: ticks) == Self.pyzkCommKey(key: key, session: session, ticks: ticks))
        }
    }

    /// pyzk's `make_commkey` transcribed step by step, with the bit reversal done on text.
    static func pyzkCommKey(key: UInt32, session: UInt16, ticks: UInt8) -> [UInt8] {
        let k = Self.reversedByText(key) &+ UInt32(session)
        let bytes = [UInt8(k & 0xFF), UInt8(k >> 8 & 0xFF), UInt8(k >> 16 & 0xFF), UInt8(k >> 24)]
        let xored = [bytes[0] ^ 0x5A, bytes[1] ^ 0x4B, bytes[2] ^ 0x53, bytes[3] ^ 0x4F]
        let swapped = [xored[2], xored[3], xored[0], xored[1]]
        return [swapped[0] ^ ticks, swapped[1] ^ ticks, ticks, swapped[3] ^ ticks]
    }

    static func reversedByText(_ key: UInt32) -> UInt32 {
        let binary = String(key, radix: 2)
        let padded = String(repeating: "0", count: 32 - binary.count) + binary
        return UInt32(String(padded.reversed()), radix: 2)!
    }
}
