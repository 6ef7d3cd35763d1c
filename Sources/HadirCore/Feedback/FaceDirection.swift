/// Where the person is asked to turn their face during a face enrollment.
public enum FaceDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case middle
    case left
    case right
    case up
    case down
}
