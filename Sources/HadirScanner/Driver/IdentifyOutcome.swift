/// The result of one `identify` attempt.
public enum IdentifyOutcome: Hashable, Sendable {
    /// The finger matched the template in `slot`.
    case matched(slot: UInt16, score: UInt16)
    /// A readable finger that is not in the library.
    case notFound
    /// No finger arrived before the timeout.
    case noFinger
    /// A finger was there but its image was unusable (codes 03, 06, 07, 15): ask for another press.
    case unreadable(EF01ModuleError)
}
