/// Why bytes from the wire could not be framed as a ZK packet; on TCP each one ends the connection.
public enum ZKFrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 4 bytes seen where the TCP prefix `50 50 82 7D` belongs.
    case badMagic([UInt8])
    /// The TCP length field exceeds the decoder's limit.
    case oversized(length: Int, limit: Int)
    /// A packet shorter than the 8-byte header (TCP length < 8, or a datagram < 8 bytes).
    case truncated(length: Int)

    /// A readable English explanation, for logs.
    public var description: String {
        switch self {
        case .badMagic(let bytes):
            let seen = bytes.map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count < 2 ? "0" + digits : digits
            }
            return "ZK TCP frame has bad magic [\(seen.joined(separator: " "))], expected [50 50 82 7D]"
        case .oversized(let length, let limit):
            return "ZK TCP frame length \(length) exceeds the limit of \(limit) bytes"
        case .truncated(let length):
            return "ZK packet of \(length) bytes is shorter than the 8-byte header"
        }
    }
}
