/// The result byte of a REPLY (reference §2).
public enum EFAAResult: Hashable, Sendable, CustomStringConvertible {
    case success
    /// VERIFY: the face is not enrolled.
    case rejected
    case aborted
    case cameraFailure
    case unknownError
    case invalidParameter
    case outOfMemory
    case unknownUser
    case storageFull
    /// ENROLL_ITG with `enable_duplicate = 0`: this face is enrolled already.
    case faceAlreadyEnrolled
    case livenessFailed
    case timeout
    case authorisationFailed
    case fileReadError
    case fileWriteError
    case other(UInt8)

    private static let known: [(EFAAResult, UInt8)] = [
        (.success, 0x00), (.rejected, 0x01), (.aborted, 0x02), (.cameraFailure, 0x04), (.unknownError, 0x05),
        (.invalidParameter, 0x06), (.outOfMemory, 0x07), (.unknownUser, 0x08), (.storageFull, 0x09),
        (.faceAlreadyEnrolled, 0x0A), (.livenessFailed, 0x0C), (.timeout, 0x0D), (.authorisationFailed, 0x0E),
        (.fileReadError, 0x13), (.fileWriteError, 0x14),
    ]

    public init(code: UInt8) {
        self = Self.known.first { $0.1 == code }?.0 ?? .other(code)
    }

    public var code: UInt8 {
        if case .other(let code) = self { return code }
        return Self.known.first { $0.0 == self }!.1
    }

    public var description: String {
        switch self {
        case .success: "success"
        case .rejected: "face not recognised"
        case .aborted: "aborted"
        case .cameraFailure: "camera failure"
        case .unknownError: "unknown error"
        case .invalidParameter: "invalid parameter"
        case .outOfMemory: "out of memory"
        case .unknownUser: "unknown user"
        case .storageFull: "face storage full"
        case .faceAlreadyEnrolled: "face already enrolled"
        case .livenessFailed: "liveness check failed"
        case .timeout: "timed out"
        case .authorisationFailed: "authorisation failed"
        case .fileReadError: "file read error"
        case .fileWriteError: "file write error"
        case .other(let code): "result \(hex8(code))"
        }
    }
}
