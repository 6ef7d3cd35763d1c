import Crypto
import Foundation

/// The public half of the device key: what a server keeps to check checkpoints offline.
public struct JournalPublicKey: Sendable, Hashable {
    /// The 32 raw Ed25519 public key bytes.
    public let rawBytes: [UInt8]

    init(validRawBytes: [UInt8]) {
        rawBytes = validRawBytes
    }

    /// The key from its 32 raw bytes; nil when they are not a valid Ed25519 key.
    public init?(rawBytes: [UInt8]) {
        guard rawBytes.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: rawBytes)) != nil else { return nil }
        self.rawBytes = rawBytes
    }

    /// The key from SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), as `export-pubkey` prints it.
    public init?(pem: String) {
        guard let der = PEMBlock.decode(pem, label: "PUBLIC KEY"), der.count == Self.spkiPrefix.count + 32,
            Array(der.prefix(Self.spkiPrefix.count)) == Self.spkiPrefix
        else { return nil }
        self.init(rawBytes: Array(der.suffix(32)))
    }

    /// SubjectPublicKeyInfo PEM (RFC 8410), readable by `openssl pkey -pubin`.
    public var pem: String {
        PEMBlock.encode(Self.spkiPrefix + rawBytes, label: "PUBLIC KEY")
    }

    /// A short name for the key in logs and status: the first 16 hex digits of its SHA-256.
    public var fingerprint: String {
        String(SHA256.hash(data: rawBytes).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    /// True when `checkpoint` carries this key's signature over its serial, seq and chain hash.
    public func isValidSignature(of checkpoint: JournalCheckpoint) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawBytes) else { return false }
        return key.isValidSignature(checkpoint.signature, for: checkpoint.signedBytes)
    }

    /// DER prefix of an Ed25519 SubjectPublicKeyInfo before the 32 key bytes.
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
}
