/// An employee's code as the attendance machine knows it (PIN in ZK/ADMS terms, usually the NIP).
///
/// Kept to ASCII letters and digits, at most 24 characters, because both the ZK user record
/// and ADMS lines carry it verbatim and servers compare it as text.
public struct EmployeePIN: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public static let maximumLength = 24

    public let rawValue: String

    public init(_ text: String) throws(EmployeePINError) {
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= Self.maximumLength else { throw .tooLong(text.utf8.count) }
        guard text.utf8.allSatisfy({ $0.isASCIIAlphanumeric }) else { throw .invalidCharacters(text) }
        rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: EmployeePIN, rhs: EmployeePIN) -> Bool {
        // Numeric PINs sort numerically ("9" before "10"), as operators expect.
        if lhs.rawValue.count != rhs.rawValue.count,
            lhs.rawValue.utf8.allSatisfy({ $0.isASCIIDigit }), rhs.rawValue.utf8.allSatisfy({ $0.isASCIIDigit })
        {
            return lhs.rawValue.count < rhs.rawValue.count
        }
        return lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Why a text is not a valid ``EmployeePIN``.
public enum EmployeePINError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case invalidCharacters(String)

    public var description: String {
        switch self {
        case .empty: "employee PIN is empty"
        case .tooLong(let count): "employee PIN has \(count) characters; at most \(EmployeePIN.maximumLength) are allowed"
        case .invalidCharacters(let text): "employee PIN \"\(text)\" may contain only ASCII letters and digits"
        }
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
