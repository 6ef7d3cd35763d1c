import Crypto

/// SHA-256 hash chain over the journal: each punch's hash covers its fields and the previous hash,
/// so an edited, deleted or reordered row breaks every link after it.
public enum PunchChain {
    /// The previous hash of the first punch.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// Seals a draft into the journal position `seq` after a punch whose hash is `previousHash`.
    public static func seal(_ draft: PunchDraft, seq: Int64, previousHash: [UInt8]) -> Punch {
        Punch(seq: seq, draft: draft, previousHash: previousHash, hash: hash(draft, seq: seq, previousHash: previousHash))
    }

    /// The hash a punch must carry.
    public static func hash(_ draft: PunchDraft, seq: Int64, previousHash: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: canonicalBytes(draft, seq: seq, previousHash: previousHash))
        return Array(hasher.finalize())
    }

    /// Checks punches in seq order, starting after `previous` (or the genesis).
    public static func verify<S: Sequence<Punch>>(_ punches: S, after previous: Punch? = nil) -> ChainVerification {
        var expectedSeq = (previous?.seq ?? 0) + 1
        var previousHash = previous?.hash ?? genesis
        var count = 0
        for punch in punches {
            if punch.seq != expectedSeq {
                return .broken(seq: punch.seq, reason: .sequenceGap(expected: expectedSeq))
            }
            if punch.previousHash != previousHash {
                return .broken(seq: punch.seq, reason: .previousHashMismatch)
            }
            if hash(punch.draft, seq: punch.seq, previousHash: punch.previousHash) != punch.hash {
                return .broken(seq: punch.seq, reason: .contentHashMismatch)
            }
            previousHash = punch.hash
            expectedSeq += 1
            count += 1
        }
        return .intact(count: count)
    }

    /// Versioned, length-prefixed, big-endian layout: never change it without a new version tag.
    static func canonicalBytes(_ draft: PunchDraft, seq: Int64, previousHash: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160)
        func append(_ value: UInt64) {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        func append(_ text: String) {
            let utf8 = Array(text.utf8)
            append(UInt64(utf8.count))
            bytes += utf8
        }
        bytes += Array("HADIR-PUNCH-V1".utf8)
        bytes += previousHash
        append(UInt64(bitPattern: seq))
        append(draft.deviceSerial)
        append(draft.pin.rawValue)
        append(UInt64(bitPattern: draft.clock.utcMilliseconds))
        append(UInt64(bitPattern: Int64(draft.zoneOffsetSeconds)))
        append(draft.clock.monotonicNanoseconds)
        append(draft.clock.bootID)
        append(draft.clock.quality.rawValue)
        bytes.append(draft.verify.rawValue)
        bytes.append(draft.state.rawValue)
        append(draft.classification.rawValue)
        append(UInt64(bitPattern: draft.correctsSeq ?? -1))
        return bytes
    }
}

/// The result of checking the chain.
public enum ChainVerification: Hashable, Sendable {
    case intact(count: Int)
    case broken(seq: Int64, reason: ChainBreak)
}

/// Where a chain check found the first bad punch.
public enum ChainBreak: Hashable, Sendable, CustomStringConvertible {
    case sequenceGap(expected: Int64)
    case previousHashMismatch
    case contentHashMismatch

    public var description: String {
        switch self {
        case .sequenceGap(let expected): "sequence gap (expected seq \(expected))"
        case .previousHashMismatch: "prev_hash does not match the previous punch's hash"
        case .contentHashMismatch: "hash does not match the punch's contents"
        }
    }
}
