/// Face directions of an enrollment: requested one at a time, reported as the set captured so far.
public struct EFAADirections: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let middle = EFAADirections(rawValue: 0x01)
    public static let right = EFAADirections(rawValue: 0x02)
    public static let left = EFAADirections(rawValue: 0x04)
    public static let down = EFAADirections(rawValue: 0x08)
    public static let up = EFAADirections(rawValue: 0x10)

    /// The order the daemon asks for them: middle, left, right, up, down.
    public static let enrollmentOrder: [EFAADirections] = [.middle, .left, .right, .up, .down]
    public static let all: EFAADirections = [.middle, .right, .left, .down, .up]
}
