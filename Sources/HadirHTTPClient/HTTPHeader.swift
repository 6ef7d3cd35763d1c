/// One HTTP header field, name and value as sent or received.
///
/// Headers are kept as an ordered list rather than a dictionary: order and duplicates are part of
/// what a server sent, and the ADMS peers in the field are not always tidy about either.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name, in the spelling it was sent or received with.
    public var name: String
    /// The field value without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether this field is called `other`, compared ASCII case-insensitively as HTTP requires.
    public func hasName(_ other: String) -> Bool {
        let mine = name.utf8
        let theirs = other.utf8
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { Self.asciiLowercased($0) == Self.asciiLowercased($1) }
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}

extension Array where Element == HTTPHeader {
    /// The first value of the field called `name` (case-insensitive), or nil.
    public func value(for name: String) -> String? {
        first { $0.hasName(name) }?.value
    }

    /// Every value of the field called `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        filter { $0.hasName(name) }.map(\.value)
    }
}
