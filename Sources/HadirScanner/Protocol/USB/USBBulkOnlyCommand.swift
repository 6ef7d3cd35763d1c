/// The 31-byte command block wrapper (CBW) that native-USB EF01 modules take on their bulk-OUT
/// endpoint: USB mass-storage bulk-only framing around vendor SCSI commands (reference §1).
public struct USBBulkOnlyCommand: Sendable, Equatable {
    /// Which way the data stage after the wrapper goes.
    public enum Direction: UInt8, Sendable, Equatable {
        case hostToModule = 0x00
        case moduleToHost = 0x80
    }

    /// The vendor SCSI operation in the command block.
    public enum Operation: UInt8, Sendable, Equatable {
        /// `86 00`: the data stage (OUT) is a normal EF01 packet.
        case sendPacket = 0x86
        /// `85 00`: the data stage (IN) is what the module answers (64 bytes for an ack).
        case receive = 0x85
    }

    public static let size = 31
    static let signature: [UInt8] = Array("USBC".utf8)
    static let commandBlockLength: UInt8 = 10

    public var tag: UInt32
    public var transferLength: UInt32
    public var operation: Operation

    public init(tag: UInt32, transferLength: UInt32, operation: Operation) {
        self.tag = tag
        self.transferLength = transferLength
        self.operation = operation
    }

    /// Sending an EF01 packet goes OUT; receiving comes IN.
    public var direction: Direction { operation == .sendPacket ? .hostToModule : .moduleToHost }

    /// `USBC`, tag, LE transfer length, flags, LUN 0, CDB length 10, then the 16-byte CDB field.
    public func encoded() -> [UInt8] {
        var bytes = Self.signature
        bytes += LittleEndian.bytes(tag) + LittleEndian.bytes(transferLength)
        bytes += [direction.rawValue, 0, Self.commandBlockLength, operation.rawValue, 0x00]
        bytes += [UInt8](repeating: 0, count: Self.size - bytes.count)
        return bytes
    }

    /// Decodes a wrapper (the simulator and tests read what the host sent).
    public static func decode(_ bytes: [UInt8]) throws(USBBulkOnlyError) -> USBBulkOnlyCommand {
        guard bytes.count == size else { throw .wrongLength(what: "command wrapper", expected: size, actual: bytes.count) }
        guard Array(bytes[0..<4]) == signature else { throw .badSignature(Array(bytes[0..<4])) }
        guard let operation = Operation(rawValue: bytes[15]) else { throw .unknownOperation(bytes[15]) }
        let command = USBBulkOnlyCommand(
            tag: LittleEndian.uint32(bytes, at: 4), transferLength: LittleEndian.uint32(bytes, at: 8), operation: operation)
        guard bytes[12] == command.direction.rawValue else {
            throw .directionMismatch(operation: operation.rawValue, flags: bytes[12])
        }
        return command
    }
}
