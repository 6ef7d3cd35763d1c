/// A string tag stored in a TEXT column (audit actions, scan-event kinds).
///
/// A struct conforming to this rather than an enum, so that an older hadirctl can still list what
/// a newer hadird wrote; call sites may write the stored text directly: `kind: "unknown_finger"`.
public protocol StoredTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
    init(rawValue: String)
}

extension StoredTag {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }
}
