/// A module → host message: what the daemon reads from a face module.
public enum EFAAMessage: Hashable, Sendable {
    case reply(EFAAReply)
    case note(EFAANote)
    /// IMAGE data, kept raw; the daemon never asks for images.
    case image([UInt8])

    public static let replyID: UInt8 = 0x00
    public static let noteID: UInt8 = 0x01
    public static let imageID: UInt8 = 0x02

    public init(frame: EFAAFrame) throws(EFAAFrameError) {
        switch frame.messageID {
        case Self.replyID: self = .reply(try EFAAReply(data: frame.data))
        case Self.noteID: self = .note(try EFAANote(data: frame.data))
        case Self.imageID: self = .image(frame.data)
        default: throw .unknownMessageID(frame.messageID)
        }
    }

    /// The frame the simulator sends. Replies and notes are small; an IMAGE beyond 65,535 bytes
    /// cannot be framed and is refused.
    public func frame() throws(EFAAFrameError) -> EFAAFrame {
        switch self {
        case .reply(let reply): try EFAAFrame(messageID: Self.replyID, data: reply.data)
        case .note(let note): try EFAAFrame(messageID: Self.noteID, data: note.data)
        case .image(let bytes): try EFAAFrame(messageID: Self.imageID, data: bytes)
        }
    }
}
