/// What a punch means under the office's attendance profile.
public enum PunchClassification: String, Sendable, Codable, CaseIterable {
    /// Check-in up to the late threshold.
    case onTime = "on_time"
    /// Check-in after the late threshold but while check-in is still accepted.
    case late
    /// Check-out inside the check-out window.
    case checkOut = "check_out"
    /// Leaving before the check-out window opens (the end of work).
    case earlyLeave = "early_leave"
    /// No window applies: too early, too late, or after check-in closed.
    case outsideWindow = "outside_window"

    /// The ZK/ADMS state code this classification is recorded with.
    public var punchState: PunchState {
        switch self {
        case .onTime, .late: .checkIn
        case .checkOut, .earlyLeave: .checkOut
        case .outsideWindow: .undefined
        }
    }
}

/// A classification together with how far from the threshold the punch was.
public struct PunchAssessment: Hashable, Sendable {
    public var classification: PunchClassification
    /// Minutes after the late threshold (late) or before the end of work (early leave); else 0.
    public var minutesOff: Int

    public init(classification: PunchClassification, minutesOff: Int = 0) {
        self.classification = classification
        self.minutesOff = minutesOff
    }
}
