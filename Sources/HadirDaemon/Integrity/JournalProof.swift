import Foundation
import HadirCore

/// `GET /journal/proof`: a run of journal rows with every field their hashes cover, and the signed
/// checkpoints over them, so a server can check the rows offline with the device's public key.
///
/// The rows run from `from` up to a checkpoint at or after the requested `to`: a checkpoint's
/// signature covers its punch's hash, and through the chain every row before it, so the last
/// row of a proof is always signed. `scripts/verify-journal-proof.py` checks one.
public struct JournalProof: Codable, Sendable {
    public static let formatName = "hadir-journal-proof-1"

    public var format = Self.formatName
    public var deviceSerial: String
    /// SubjectPublicKeyInfo PEM of the device key (compare it with the one the server pinned).
    public var publicKey: String
    /// How row hashes are computed: `PunchChain.canonicalBytes`, SHA-256.
    public var chain = "HADIR-PUNCH-V1/sha256"
    public var from: Int64
    public var to: Int64
    public var rows: [Row]
    public var checkpoints: [Checkpoint]

    /// One journal row, with every field the chain hash covers.
    public struct Row: Codable, Sendable, Hashable {
        public var seq: Int64
        public var deviceSerial: String
        public var pin: String
        public var utcMilliseconds: Int64
        public var zoneOffsetSeconds: Int32
        public var monotonicNanoseconds: UInt64
        public var bootID: String
        public var clockQuality: String
        public var verify: UInt8
        public var state: UInt8
        public var classification: String
        public var correctsSeq: Int64?
        public var previousHash: String
        public var hash: String

        init(_ punch: Punch) {
            let draft = punch.draft
            seq = punch.seq
            deviceSerial = draft.deviceSerial
            pin = draft.pin.rawValue
            utcMilliseconds = draft.clock.utcMilliseconds
            zoneOffsetSeconds = draft.zoneOffsetSeconds
            monotonicNanoseconds = draft.clock.monotonicNanoseconds
            bootID = draft.clock.bootID
            clockQuality = draft.clock.quality.rawValue
            verify = draft.verify.rawValue
            state = draft.state.rawValue
            classification = draft.classification.rawValue
            correctsSeq = draft.correctsSeq
            previousHash = punch.previousHash.hexString
            hash = punch.hash.hexString
        }

        enum CodingKeys: String, CodingKey {
            case seq, pin, verify, state, classification, hash
            case deviceSerial = "device_serial"
            case utcMilliseconds = "utc_ms"
            case zoneOffsetSeconds = "zone_offset_s"
            case monotonicNanoseconds = "monotonic_ns"
            case bootID = "boot_id"
            case clockQuality = "clock_quality"
            case correctsSeq = "corrects_seq"
            case previousHash = "prev_hash"
        }
    }

    /// One signed checkpoint.
    public struct Checkpoint: Codable, Sendable, Hashable {
        public var seq: Int64
        public var deviceSerial: String
        public var chainHash: String
        public var signature: String
        public var signedMilliseconds: Int64

        init(_ checkpoint: JournalCheckpoint) {
            seq = checkpoint.seq
            deviceSerial = checkpoint.deviceSerial
            chainHash = checkpoint.chainHash.hexString
            signature = checkpoint.signature.hexString
            signedMilliseconds = checkpoint.signedAtMilliseconds
        }

        enum CodingKeys: String, CodingKey {
            case seq, signature
            case deviceSerial = "device_serial"
            case chainHash = "chain_hash"
            case signedMilliseconds = "signed_ms"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, chain, from, to, rows, checkpoints
        case deviceSerial = "device_serial"
        case publicKey = "public_key"
    }
}
