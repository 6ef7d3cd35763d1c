/// Who stands in front of the simulated face module's camera, as the control channel scripts it.
///
/// Two ways to put a face there, the face module's counterparts of `place` and `press`:
/// - ``show(_:)``: the face stays until ``hide()``.
/// - ``look(_:times:)``: the face stays for `times` decisions of the module (a VERIFY or
///   enroll-step REPLY, whatever its result), then walks away. A restart or RESET ends a job
///   without a decision, so the face is still there for the host's next attempt.
public struct CameraView: Hashable, Sendable {
    /// The observable state of the scene.
    public enum State: Hashable, Sendable {
        /// Nobody in view.
        case empty
        /// A face in view until hidden.
        case shown(face: Int)
        /// A face in view for `remaining` more decisions.
        case looking(face: Int, remaining: Int)
    }

    /// Virtual faces are numbered 1...maximumFace, like fingers.
    public static let maximumFace = Int(UInt32.max)

    /// The current state.
    public private(set) var state: State = .empty

    /// An empty scene.
    public init() {}

    /// The face in view now, if any.
    public var face: Int? {
        switch state {
        case .empty: nil
        case .shown(let face), .looking(let face, _): face
        }
    }

    /// Whether scripted looks are still waiting for decisions (`wait-idle` waits for this).
    public var hasPendingLooks: Bool {
        if case .looking = state { return true }
        return false
    }

    /// Keeps `face` in view until ``hide()``, replacing whatever was there.
    public mutating func show(_ face: Int) {
        state = .shown(face: face)
    }

    /// Empties the scene and cancels pending looks.
    public mutating func hide() {
        state = .empty
    }

    /// Keeps `face` in view for `times` decisions (times ≥ 1), replacing whatever was there.
    public mutating func look(_ face: Int, times: Int = 1) {
        state = times >= 1 ? .looking(face: face, remaining: times) : .empty
    }

    /// The module decided once: a look is used up.
    public mutating func decisionMade() {
        guard case .looking(let face, let remaining) = state else { return }
        state = remaining > 1 ? .looking(face: face, remaining: remaining - 1) : .empty
    }
}
