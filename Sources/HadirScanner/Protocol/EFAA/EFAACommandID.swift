/// Host → module command ids (reference §2); also the first byte of the module's REPLY data.
public enum EFAACommandID: UInt8, CaseIterable, Hashable, Sendable {
    case reset = 0x10
    case getStatus = 0x11
    case verify = 0x12
    case enroll = 0x13
    case enrollSingle = 0x1D
    case deleteUser = 0x20
    case deleteAll = 0x21
    case getUserInfo = 0x22
    case getAllUserIDs = 0x24
    case enrollIntegrated = 0x26
    case getVersion = 0x30
    case getSerialNumber = 0x93
}
