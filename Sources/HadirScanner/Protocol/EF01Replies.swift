/// The data of a Search / HiSpeedSearch / AutoIdentify reply: slot id and match score.
///
/// "Not found" (0x09) replies still carry these four bytes, as zeros.
public struct EF01SearchMatch: Hashable, Sendable {
    /// Number of data bytes in the reply.
    public static let byteCount = 4
    /// The library slot that matched.
    public var slot: UInt16
    /// The match score (higher is more confident).
    public var score: UInt16

    /// Creates a match.
    public init(slot: UInt16, score: UInt16) {
        self.slot = slot
        self.score = score
    }

    /// Reads a match from reply data (extra trailing bytes are ignored).
    public init(bytes: [UInt8]) throws(EF01FrameError) {
        guard let slot = bytes.bigEndianUInt16(at: 0), let score = bytes.bigEndianUInt16(at: 2) else {
            throw .replyTooShort(expected: Self.byteCount, received: bytes.count)
        }
        self.init(slot: slot, score: score)
    }

    /// The reply data: slot then score, big-endian.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(slot)
        bytes.appendBigEndian(score)
        return bytes
    }
}

/// The data of a Match reply: the score between CharBuffer 1 and 2 (sent even on 0x08).
public struct EF01MatchScore: Hashable, Sendable {
    /// Number of data bytes in the reply.
    public static let byteCount = 2
    /// The match score.
    public var score: UInt16

    /// Creates a score.
    public init(score: UInt16) {
        self.score = score
    }

    /// Reads a score from reply data.
    public init(bytes: [UInt8]) throws(EF01FrameError) {
        guard let score = bytes.bigEndianUInt16(at: 0) else {
            throw .replyTooShort(expected: Self.byteCount, received: bytes.count)
        }
        self.init(score: score)
    }

    /// The reply data, big-endian.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(score)
        return bytes
    }
}

/// The data of a TemplateNum reply: how many templates the library holds.
public struct EF01TemplateCount: Hashable, Sendable {
    /// Number of data bytes in the reply.
    public static let byteCount = 2
    /// Stored templates.
    public var count: UInt16

    /// Creates a count.
    public init(count: UInt16) {
        self.count = count
    }

    /// Reads a count from reply data.
    public init(bytes: [UInt8]) throws(EF01FrameError) {
        guard let count = bytes.bigEndianUInt16(at: 0) else {
            throw .replyTooShort(expected: Self.byteCount, received: bytes.count)
        }
        self.init(count: count)
    }

    /// The reply data, big-endian.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(count)
        return bytes
    }
}
