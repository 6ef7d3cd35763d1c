/// Something the server should log or count; the session already decided the reply.
public enum ZKSessionNotice: Sendable, Equatable {
    case badChecksum(command: ZKCommand, received: UInt16, expected: UInt16)
    case authenticated
    case authenticationFailed
    case refusedReadOnly(ZKCommand)
    case unknownCommand(ZKCommand)
    case malformed(ZKCommand, reason: String)
    case deviceDisabled
    case deviceEnabled
    case eventsRegistered(mask: UInt32)
    case bufferRequestOutOfRange(start: Int32, size: Int32, bufferSize: Int)
    case unsupportedBuffer(subcommand: UInt16, fct: UInt32)
}
