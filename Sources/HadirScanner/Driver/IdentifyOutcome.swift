/// The result of one `identify` attempt.
public enum IdentifyOutcome: Hashable, Sendable {
    /// The finger or face matched the enrollment in `slot` (a face module reports no score: 0).
    case matched(slot: UInt16, score: UInt16)
    /// A readable finger or face that is not in the library.
    case notFound
    /// No finger or face arrived before the timeout.
    case noFinger
    /// Something was there but unusable: an EF01 image error (codes 03, 06, 07, 15), or a face
    /// that failed liveness. The kiosk asks for another try.
    case unreadable(reason: String)
}
