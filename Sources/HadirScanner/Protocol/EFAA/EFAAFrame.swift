/// One EFAA frame (HLK-FM225/FM223 face modules, reference §2): `EF AA | msg id | size u16 BE |
/// data | parity`, where parity is the XOR of every byte after the sync word.
///
/// Host → module frames carry a command id as msg id; module → host frames carry 0x00 REPLY,
/// 0x01 NOTE or 0x02 IMAGE.
public struct EFAAFrame: Hashable, Sendable {
    public static let sync: [UInt8] = [0xEF, 0xAA]
    /// Sync, msg id and size: the bytes before the data.
    public static let prefixLength = 5
    /// A frame with no data: prefix and parity.
    public static let minimumLength = prefixLength + 1
    /// The size field is 16 bits.
    public static let maximumDataLength = Int(UInt16.max)

    public let messageID: UInt8
    public let data: [UInt8]

    /// A frame; `data` longer than 65,535 bytes cannot be framed and is refused.
    public init(messageID: UInt8, data: [UInt8] = []) throws(EFAAFrameError) {
        guard data.count <= Self.maximumDataLength else { throw .sizeTooLarge(data.count) }
        self.messageID = messageID
        self.data = data
    }

    /// The bytes on the wire.
    public var encoded: [UInt8] {
        var bytes = Self.sync
        bytes.reserveCapacity(Self.minimumLength + data.count)
        bytes.append(messageID)
        bytes.appendBigEndian(UInt16(data.count))
        bytes.append(contentsOf: data)
        bytes.append(Self.parity(of: bytes.dropFirst(Self.sync.count)))
        return bytes
    }

    /// XOR of `bytes` (msg id, size and data of a frame).
    public static func parity<C: Collection>(of bytes: C) -> UInt8 where C.Element == UInt8 {
        bytes.reduce(0, ^)
    }

    /// Exactly one whole frame: for a reply read in one piece, or a recorded vector.
    public static func decode(_ bytes: [UInt8], maximumDataLength: Int = 4096) throws(EFAAFrameError) -> EFAAFrame {
        guard bytes.count >= 2, bytes[0] == sync[0], bytes[1] == sync[1] else { throw .missingSync }
        var decoder = EFAAFrameDecoder(maximumDataLength: maximumDataLength)
        decoder.feed(bytes)
        guard let frame = try decoder.next() else {
            let needed = bytes.count >= prefixLength ? minimumLength + (Int(bytes[3]) << 8 | Int(bytes[4])) : prefixLength
            throw .truncated(needed: needed, received: bytes.count)
        }
        guard decoder.bufferedByteCount == 0 else { throw .trailingBytes(decoder.bufferedByteCount) }
        return frame
    }
}
