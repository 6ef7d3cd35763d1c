/// The ZK packet checksum (spec §1).
///
/// Sum of the uint16 LE words of header (checksum field zeroed) and payload, an odd trailing byte
/// counting as a word's low byte; carries folded (while sum > 0xFFFF: sum -= 0xFFFF); result
/// 0xFFFF - sum.
public enum ZKChecksum {
    /// The checksum of a packet with these header fields and payload.
    public static func compute(command: UInt16, sessionID: UInt16, replyID: UInt16, payload: some Collection<UInt8>) -> UInt16 {
        // Sum everything first and fold once: the repeated subtraction leaves sum mod 0xFFFF,
        // except that a non-zero multiple of 0xFFFF stays 0xFFFF (only an all-zero sum gives 0).
        var sum = UInt64(command) + UInt64(sessionID) + UInt64(replyID)
        var iterator = payload.makeIterator()
        while let low = iterator.next() {
            guard let high = iterator.next() else {
                sum += UInt64(low)
                break
            }
            sum += UInt64(low) | UInt64(high) << 8
        }
        let folded = sum == 0 ? 0 : (sum - 1) % 0xFFFF + 1
        return UInt16(0xFFFF - folded)
    }
}
