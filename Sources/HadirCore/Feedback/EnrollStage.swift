/// A step of finger enrollment, reported as it happens (in the manner of fprintd's enroll stages).
public enum EnrollStage: Hashable, Sendable, Codable {
    /// Waiting for press `press` of `of`.
    case placeFinger(press: Int, of: Int)
    /// The press was read; the finger must be lifted before the next one.
    case liftFinger
    /// The image was unusable; the same press is asked for again.
    case retryPress(press: Int, reason: String)
    /// Searching the module's library for this finger under anyone.
    case checkingDuplicate
    /// Storing the merged template in the module's library.
    case storing(slot: UInt16)
}
