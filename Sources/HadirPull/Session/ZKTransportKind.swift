/// Which socket a session arrived on; TCP and UDP chunk bulk reads differently (reference §5).
public enum ZKTransportKind: String, Sendable, Equatable {
    case tcp
    case udp

    /// Largest DATA payload per datagram on UDP; pyzk reads 1024 + 8 bytes at a time.
    static let udpDataChunk = 1024
}
