/// A READ_BUFFER (1504) request: one chunk of the session's bulk buffer (spec §5).
public struct ZKReadBufferRequest: Sendable, Equatable {
    /// The payload length: int32 start, int32 size.
    public static let size = 8

    /// The chunk's offset in the buffer (as sent: may be negative or out of range).
    public var start: Int32
    /// The chunk's length (pyzk: 65,472 on TCP, 16,384 on UDP).
    public var size: Int32

    /// A request from its fields.
    public init(start: Int32, size: Int32) {
        self.start = start
        self.size = size
    }

    /// The 8-byte payload a client sends (for tests and tools).
    public func encoded() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.size)
        ZKLittleEndian.append(start, to: &buffer)
        ZKLittleEndian.append(size, to: &buffer)
        return buffer
    }

    /// Decodes the payload; throws `.wrongLength` below 8 bytes, ignores any extra bytes.
    ///
    /// Range checks against the buffer belong to the session (out of range: ACK_ERROR).
    public static func decode(_ payload: [UInt8]) throws(ZKRecordError) -> ZKReadBufferRequest {
        guard payload.count >= Self.size else {
            throw .wrongLength(what: "READ_BUFFER request", expected: [Self.size], actual: payload.count)
        }
        return ZKReadBufferRequest(start: ZKLittleEndian.int32(payload, at: 0), size: ZKLittleEndian.int32(payload, at: 4))
    }
}
