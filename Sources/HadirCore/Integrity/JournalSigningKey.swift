import Crypto
import Foundation

/// The kiosk's Ed25519 device key, which signs journal checkpoints.
///
/// Stored as PKCS#8 PEM (RFC 8410), so `openssl pkey` reads the same file.
public struct JournalSigningKey: Sendable, CustomStringConvertible {
    /// The 32 raw private key bytes (swift-crypto's key type is not Sendable, so it is rebuilt on use).
    private let rawBytes: [UInt8]
    private var key: Curve25519.Signing.PrivateKey {
        // Valid by construction: every initialiser checked these bytes.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawBytes)) ?? Curve25519.Signing.PrivateKey()
    }

    /// A new random key.
    public init() {
        rawBytes = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    /// The key from its PEM text; nil when the text is not an Ed25519 private key.
    public init?(pem: String) {
        guard let der = PEMBlock.decode(pem, label: "PRIVATE KEY"), der.count == Self.pkcs8Prefix.count + 32,
            Array(der.prefix(Self.pkcs8Prefix.count)) == Self.pkcs8Prefix,
            (try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))) != nil
        else { return nil }
        rawBytes = Array(der.suffix(32))
    }

    /// Never the key itself: logs and error messages must not carry it.
    public var description: String { "JournalSigningKey(public \(publicKey.fingerprint))" }

    /// PKCS#8 PEM text of the private key.
    public var pem: String {
        PEMBlock.encode(Self.pkcs8Prefix + rawBytes, label: "PRIVATE KEY")
    }

    public var publicKey: JournalPublicKey {
        JournalPublicKey(validRawBytes: Array(key.publicKey.rawRepresentation))
    }

    /// Signs the checkpoint of `seq`, whose punch hash is `chainHash`.
    public func checkpoint(deviceSerial: String, seq: Int64, chainHash: [UInt8], atMilliseconds: Int64) -> JournalCheckpoint {
        let bytes = JournalCheckpoint.signedBytes(deviceSerial: deviceSerial, seq: seq, chainHash: chainHash)
        // Signing fails only when the platform's crypto cannot produce randomness for a key it
        // already holds; Ed25519 itself is deterministic here.
        let signature = (try? key.signature(for: bytes)).map { Array($0) } ?? []
        return JournalCheckpoint(
            deviceSerial: deviceSerial, seq: seq, chainHash: chainHash, signedAtMilliseconds: atMilliseconds, signature: signature)
    }

    /// DER prefix of an Ed25519 PKCS#8 PrivateKeyInfo (RFC 8410 §7) before the 32 key bytes.
    static let pkcs8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
}
