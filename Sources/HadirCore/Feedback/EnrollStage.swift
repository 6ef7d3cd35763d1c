/// A step of an enrollment, reported as it happens (in the manner of fprintd's enroll stages).
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
    /// Face: waiting for the face turned towards `direction`, step `step` of `of`.
    case faceDirection(FaceDirection, step: Int, of: Int)
    /// Face: the capture failed (liveness, no face in time); the enrollment starts over from the middle.
    case retryFace(FaceDirection, reason: String)
}
