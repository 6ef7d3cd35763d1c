/// The 13-byte command status wrapper (CSW) a native-USB module returns on bulk-IN after each
/// command: `USBS`, the command's tag, LE residue, status.
public struct USBBulkOnlyStatus: Sendable, Equatable {
    public enum Outcome: UInt8, Sendable, Equatable {
        case passed = 0
        case failed = 1
        case phaseError = 2
    }

    public static let size = 13
    static let signature: [UInt8] = Array("USBS".utf8)

    public var tag: UInt32
    /// Bytes of the announced transfer that were not moved.
    public var residue: UInt32
    public var outcome: Outcome

    public init(tag: UInt32, residue: UInt32 = 0, outcome: Outcome = .passed) {
        self.tag = tag
        self.residue = residue
        self.outcome = outcome
    }

    public func encoded() -> [UInt8] {
        Self.signature + LittleEndian.bytes(tag) + LittleEndian.bytes(residue) + [outcome.rawValue]
    }

    /// Decodes a status wrapper, checking it answers the command with `expectedTag` and passed.
    public static func decode(_ bytes: [UInt8], expectedTag: UInt32) throws(USBBulkOnlyError) -> USBBulkOnlyStatus {
        guard bytes.count == size else { throw .wrongLength(what: "status wrapper", expected: size, actual: bytes.count) }
        guard Array(bytes[0..<4]) == signature else { throw .badSignature(Array(bytes[0..<4])) }
        let tag = LittleEndian.uint32(bytes, at: 4)
        guard tag == expectedTag else { throw .tagMismatch(expected: expectedTag, actual: tag) }
        guard let outcome = Outcome(rawValue: bytes[12]) else { throw .unknownStatus(bytes[12]) }
        let status = USBBulkOnlyStatus(tag: tag, residue: LittleEndian.uint32(bytes, at: 8), outcome: outcome)
        switch outcome {
        case .passed: return status
        case .failed: throw .commandFailed(tag: tag, residue: status.residue)
        case .phaseError: throw .phaseError(tag: tag)
        }
    }
}
