/// An R503 AutoEnroll or AutoIdentify waiting for the finger.
///
/// These commands keep running on the module after their first ack: they watch the sensor
/// and answer when presses arrive, or 0x26 when the host-facing shell's deadline passes.
enum AutomaticOperation: Sendable {
    case enroll(AutoEnrollProgress)
    case identify(AutoIdentifyProgress)
}

/// Progress of one AutoEnroll.
struct AutoEnrollProgress: Sendable {
    var slot: Int
    var allowDuplicate: Bool
    var reportSteps: Bool
    var requireLift: Bool
    var captures: [VirtualFinger] = []
    var awaitingLift = false
}

/// Progress of one AutoIdentify.
struct AutoIdentifyProgress: Sendable {
    var start: Int
    var count: Int
}

/// R503 AutoEnroll step numbers (first data byte of each step report).
enum AutoEnrollStep: UInt8 {
    case legality = 0x00
    case capture = 0x01
    case features = 0x02
    case lift = 0x03
    case merge = 0x04
    case duplicateCheck = 0x05
    case store = 0x06

    /// The second data byte for steps that are not per-capture.
    var fixedDetail: UInt8 {
        switch self {
        case .merge: 0xF0
        case .duplicateCheck: 0xF1
        case .store: 0xF2
        default: 0x00
        }
    }
}
