/// Why a record or request payload could not be decoded.
public enum ZKRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The payload length is none of the accepted ones (`expected` lists the usual lengths).
    case wrongLength(what: String, expected: [Int], actual: Int)
    /// A field holds a value the format cannot stand for.
    case invalidField(what: String, reason: String)

    /// A readable English explanation, for logs.
    public var description: String {
        switch self {
        case .wrongLength(let what, let expected, let actual):
            let lengths = expected.map(String.init).joined(separator: " or ")
            return "\(what) has \(actual) bytes, expected \(lengths)"
        case .invalidField(let what, let reason):
            return "\(what) is invalid: \(reason)"
        }
    }
}
