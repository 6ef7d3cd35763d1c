/// Why bytes from a face module (or from the host, in the simulator) are not a valid EFAA message.
public enum EFAAFrameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The XOR parity does not match the frame.
    case badParity(expected: UInt8, received: UInt8)
    /// The size field exceeds what the decoder accepts (or 65,535 when encoding).
    case sizeTooLarge(Int)
    /// A whole frame was expected, but the bytes end early.
    case truncated(needed: Int, received: Int)
    /// A whole frame was expected, and bytes follow it.
    case trailingBytes(Int)
    /// A whole frame was expected, and it does not start with `EF AA`.
    case missingSync
    /// A module → host frame with a msg id other than REPLY, NOTE and IMAGE.
    case unknownMessageID(UInt8)
    /// A host → module frame with a command id this codec does not know.
    case unknownCommand(UInt8)
    /// A message's data is shorter (or, for fixed layouts, longer) than its layout.
    case badLength(what: String, expected: Int, received: Int)
    /// A field holds a value its layout forbids.
    case badField(what: String, value: Int)

    public var description: String {
        switch self {
        case .badParity(let expected, let received):
            "EFAA frame parity mismatch (computed \(hex8(expected)), received \(hex8(received)))"
        case .sizeTooLarge(let size):
            "EFAA frame size \(size) is larger than allowed"
        case .truncated(let needed, let received):
            "EFAA frame truncated: \(received) of \(needed) bytes"
        case .trailingBytes(let count):
            "EFAA frame followed by \(count) unexpected bytes"
        case .missingSync:
            "EFAA frame does not start with EF AA"
        case .unknownMessageID(let id):
            "EFAA message id \(hex8(id)) is not REPLY, NOTE or IMAGE"
        case .unknownCommand(let id):
            "EFAA command \(hex8(id)) is unknown"
        case .badLength(let what, let expected, let received):
            "EFAA \(what) has \(received) data bytes, expected \(expected)"
        case .badField(let what, let value):
            "EFAA \(what) has invalid value \(value)"
        }
    }
}
