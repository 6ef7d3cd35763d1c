import HadirScanner

/// A VERIFY or enroll step the module is working on.
struct FaceJob: Sendable {
    enum Kind: Sendable {
        case verify
        case enroll(FaceEnrollStep)
    }

    var kind: Kind
    let startedAt: Int64
    let deadline: Int64
    var nextNoteAt: Int64
    var livenessFails = false
    var ignoresFaces = false
    var restartArmed = false

    var command: EFAACommandID {
        switch kind {
        case .verify: .verify
        case .enroll(let step): step.command
        }
    }
}

/// One enroll command: which direction it captures and whether it may finish the user.
struct FaceEnrollStep: Sendable {
    let command: EFAACommandID
    let request: EFAAEnrollRequest
    /// ENROLL_SINGLE, or ENROLL_ITG type 1: one capture makes the user.
    let single: Bool
    let allowDuplicate: Bool
}
