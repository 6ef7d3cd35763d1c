/// The fuzzer's bytes, read front to back to build structured inputs (settings, scripts of events).
///
/// Reads past the end give zeros and empty arrays rather than failing, so every input is usable and
/// libFuzzer's mutations of any byte stay meaningful.
public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The libFuzzer buffer (`data` may be null when `size` is 0).
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        self.init(Array(UnsafeBufferPointer(start: data, count: size)))
    }

    public var isAtEnd: Bool { offset >= bytes.count }
    public var remainingCount: Int { bytes.count - offset }

    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// Big-endian, so a dictionary entry or a hex dump reads naturally.
    public mutating func uint16() -> UInt16 { UInt16(byte()) << 8 | UInt16(byte()) }

    public mutating func uint32() -> UInt32 { UInt32(uint16()) << 16 | UInt32(uint16()) }

    /// A value in `0..<count` (0 when count is 0).
    public mutating func index(_ count: Int) -> Int {
        count <= 0 ? 0 : Int(byte()) % count
    }

    /// Up to `count` bytes, fewer at the end of the input.
    public mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + max(0, count))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] { take(remainingCount) }
}
