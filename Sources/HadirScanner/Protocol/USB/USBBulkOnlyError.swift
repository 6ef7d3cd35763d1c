/// Why a bulk-only exchange with a native-USB module failed; every case names what was seen.
public enum USBBulkOnlyError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongLength(what: String, expected: Int, actual: Int)
    case badSignature([UInt8])
    case unknownOperation(UInt8)
    case directionMismatch(operation: UInt8, flags: UInt8)
    case tagMismatch(expected: UInt32, actual: UInt32)
    case unknownStatus(UInt8)
    case commandFailed(tag: UInt32, residue: UInt32)
    /// The module lost track of the exchange; the host must reset the bulk endpoints.
    case phaseError(tag: UInt32)

    public var description: String {
        switch self {
        case .wrongLength(let what, let expected, let actual): "\(what) has \(actual) bytes, expected \(expected)"
        case .badSignature(let bytes): "bad wrapper signature \(bytes.map { String($0, radix: 16) }.joined(separator: " "))"
        case .unknownOperation(let code): "unknown vendor operation 0x\(String(code, radix: 16))"
        case .directionMismatch(let operation, let flags):
            "operation 0x\(String(operation, radix: 16)) with direction flags 0x\(String(flags, radix: 16))"
        case .tagMismatch(let expected, let actual): "status for tag \(actual), expected tag \(expected)"
        case .unknownStatus(let status): "unknown status \(status)"
        case .commandFailed(let tag, let residue): "module failed command \(tag) (\(residue) bytes not transferred)"
        case .phaseError(let tag): "phase error on command \(tag): the endpoints need a reset"
        }
    }
}
