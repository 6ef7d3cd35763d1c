/// The comm-key AUTH payload (spec §7), as pyzk's `make_commkey` builds it.
///
/// The scheme is weak obfuscation, not cryptography; it only keeps casual clients out.
public enum ZKCommKey {
    /// The 4-byte AUTH payload a client with `key` sends for `sessionID`.
    ///
    /// Bit-reverse the key, add the session id (mod 2^32), XOR the LE bytes b0…b3 with "ZKSO",
    /// swap the halves to [b2, b3, b0, b1], then `[b2^B, b3^B, B, b1^B]` with `B = ticks`
    /// (b0 is overwritten by B, so it never reaches the wire).
    public static func make(key: UInt32, sessionID: UInt16, ticks: UInt8 = 50) -> [UInt8] {
        let mixed = bitReversed(key) &+ UInt32(sessionID)
        let b1 = UInt8(truncatingIfNeeded: mixed >> 8) ^ UInt8(ascii: "K")
        let b2 = UInt8(truncatingIfNeeded: mixed >> 16) ^ UInt8(ascii: "S")
        let b3 = UInt8(truncatingIfNeeded: mixed >> 24) ^ UInt8(ascii: "O")
        return [b2 ^ ticks, b3 ^ ticks, ticks, b1 ^ ticks]
    }

    /// True when the 4-byte `payload` is the one a client with `key` makes for `sessionID`.
    ///
    /// The client's ticks are unknown to the device, so B is taken from byte 2 and all four bytes
    /// are compared.
    public static func verify(_ payload: [UInt8], key: UInt32, sessionID: UInt16) -> Bool {
        guard payload.count == 4 else { return false }
        return make(key: key, sessionID: sessionID, ticks: payload[2]) == payload
    }

    /// `value` with its 32 bits in reverse order (bit 0 becomes bit 31).
    static func bitReversed(_ value: UInt32) -> UInt32 {
        var input = value
        var output: UInt32 = 0
        for _ in 0..<32 {
            output = output << 1 | input & 1
            input >>= 1
        }
        return output
    }
}
