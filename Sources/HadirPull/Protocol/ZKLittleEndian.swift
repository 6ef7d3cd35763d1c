/// Little-endian integer reads and writes shared by the ZK codecs: every ZK integer is little-endian.
///
/// A namespace rather than `Array` extensions so the names cannot collide with helpers elsewhere
/// in the module. Reads take an absolute index; callers check the length first.
enum ZKLittleEndian {
    static func append(_ value: UInt16, to buffer: inout [UInt8]) {
        buffer.append(UInt8(truncatingIfNeeded: value))
        buffer.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    static func append(_ value: UInt32, to buffer: inout [UInt8]) {
        buffer.append(UInt8(truncatingIfNeeded: value))
        buffer.append(UInt8(truncatingIfNeeded: value >> 8))
        buffer.append(UInt8(truncatingIfNeeded: value >> 16))
        buffer.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    /// The four bytes of `value`.
    static func bytes(_ value: UInt32) -> [UInt8] {
        var buffer: [UInt8] = []
        append(value, to: &buffer)
        return buffer
    }

    /// A uint16 at `index`, or nil when the payload is too short (request payloads are untrusted).
    static func uint16(ifPresentIn bytes: [UInt8], at index: Int) -> UInt16? {
        index >= 0 && bytes.count >= index + 2 ? uint16(bytes, at: index) : nil
    }

    /// A uint32 at `index`, or nil when the payload is too short.
    static func uint32(ifPresentIn bytes: [UInt8], at index: Int) -> UInt32? {
        index >= 0 && bytes.count >= index + 4 ? uint32(bytes, at: index) : nil
    }

    static func append(_ value: Int32, to buffer: inout [UInt8]) {
        append(UInt32(bitPattern: value), to: &buffer)
    }

    static func uint16(_ bytes: [UInt8], at index: Int) -> UInt16 {
        UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24
    }

    static func int32(_ bytes: [UInt8], at index: Int) -> Int32 {
        Int32(bitPattern: uint32(bytes, at: index))
    }

    /// Overwrites four bytes at `index` (used to patch a length prefix after the fact).
    static func store(_ value: UInt32, in buffer: inout [UInt8], at index: Int) {
        buffer[index] = UInt8(truncatingIfNeeded: value)
        buffer[index + 1] = UInt8(truncatingIfNeeded: value >> 8)
        buffer[index + 2] = UInt8(truncatingIfNeeded: value >> 16)
        buffer[index + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }
}
