/// Collects the data packets that follow UpChar / UpImage (or DownChar from the host) into one blob.
///
/// Sizes differ by model (512…1536-byte templates, 36 KiB images), so it collects until the 0x08
/// packet instead of counting bytes, with `maxBytes` as a guard against a runaway sender.
public struct EF01DataAssembler: Sendable {
    /// The largest transfer accepted.
    public let maxBytes: Int
    private var collected: [UInt8] = []

    /// Creates an assembler that refuses transfers larger than `maxBytes`.
    public init(maxBytes: Int = 1 << 20) {
        self.maxBytes = max(0, maxBytes)
    }

    /// Bytes collected so far in the current transfer.
    public var byteCount: Int { collected.count }

    /// Adds a packet; returns the whole transfer when the last (0x08) packet arrives, else nil.
    ///
    /// Throws `.unexpectedPacketType` for anything but 0x02/0x08 (the transfer so far is kept), and
    /// `.dataTooLarge` when the limit is passed (the transfer is abandoned).
    public mutating func add(_ packet: EF01Packet) throws(EF01FrameError) -> [UInt8]? {
        switch packet.type {
        case .data, .endData:
            let total = collected.count + packet.payload.count
            guard total <= maxBytes else {
                collected.removeAll()
                throw .dataTooLarge(total)
            }
            collected.append(contentsOf: packet.payload)
            guard packet.type == .endData else { return nil }
            defer { collected = [] }
            return collected
        case .command, .acknowledge:
            throw .unexpectedPacketType(packet.type)
        }
    }

    /// Abandons the current transfer.
    public mutating func reset() {
        collected.removeAll()
    }
}
