/// A signed statement by the kiosk: "at seq `seq`, my journal's chain hash was `chainHash`".
///
/// The hash chain alone cannot tell a journal rewritten from some row on, with every hash
/// recomputed, from the real one. A checkpoint can: only the holder of the device key can sign
/// one, and a server that keeps the device's public key checks it offline.
public struct JournalCheckpoint: Hashable, Sendable, Codable {
    public var deviceSerial: String
    public var seq: Int64
    /// The `hash` of the punch at `seq`, which covers every punch before it.
    public var chainHash: [UInt8]
    /// When the kiosk signed it (wall clock, informational: not part of the signed bytes).
    public var signedAtMilliseconds: Int64
    /// Ed25519 signature over ``signedBytes``.
    public var signature: [UInt8]

    public init(deviceSerial: String, seq: Int64, chainHash: [UInt8], signedAtMilliseconds: Int64, signature: [UInt8]) {
        self.deviceSerial = deviceSerial
        self.seq = seq
        self.chainHash = chainHash
        self.signedAtMilliseconds = signedAtMilliseconds
        self.signature = signature
    }

    /// The bytes the signature covers.
    public var signedBytes: [UInt8] {
        Self.signedBytes(deviceSerial: deviceSerial, seq: seq, chainHash: chainHash)
    }

    /// Versioned, length-prefixed, big-endian layout: never change it without a new version tag.
    public static func signedBytes(deviceSerial: String, seq: Int64, chainHash: [UInt8]) -> [UInt8] {
        var bytes = Array("HADIR-CHECKPOINT-V1".utf8)
        let serial = Array(deviceSerial.utf8)
        bytes += bigEndian(UInt64(serial.count)) + serial
        bytes += bigEndian(UInt64(bitPattern: seq))
        bytes += bigEndian(UInt64(chainHash.count)) + chainHash
        return bytes
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt64($0)) }
    }
}
