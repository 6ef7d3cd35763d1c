import HadirCore

extension FaceDirection {
    /// The kiosk's name for one EFAA enrollment direction; nil for a set of several or none.
    init?(_ direction: EFAADirections) {
        switch direction {
        case .middle: self = .middle
        case .left: self = .left
        case .right: self = .right
        case .up: self = .up
        case .down: self = .down
        default: return nil
        }
    }
}
