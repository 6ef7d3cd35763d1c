/// The `Return=` value of a command result (reference §3).
public enum ADMSReturnCode: Int, Hashable, Sendable, CaseIterable {
    case success = 0
    /// A parameter is missing or malformed.
    case badParameter = -1
    /// Reading or writing local storage failed.
    case readWriteError = -3
    /// The template data does not match the declared `Size`.
    case templateSizeMismatch = -9
    /// No user with that PIN on the device.
    case pinNotOnDevice = -10
    /// The template is not in a format the device reads (e.g. not base64).
    case illegalTemplateFormat = -11
    /// The template decodes but is not a usable template.
    case illegalTemplate = -12
    case capacityFull = -1001
    /// The device does not support the command (and refuses SHELL, GetFile, PutFile, UPGRADE).
    case notSupported = -1002
    case timeout = -1003
    /// The data contradicts the device configuration.
    case inconsistentWithConfiguration = -1004
    case busy = -1005
    /// A value or the command line is longer than the device accepts.
    case dataTooLong = -1006

    /// ENROLL_FP: the user already has a fingerprint in that slot.
    case enrollAlreadyExists = 2
    /// ENROLL_FP: the captures were of poor quality or did not agree.
    case enrollPoorQuality = 4
    /// ENROLL_FP: the finger is already enrolled (for someone).
    case enrollDuplicateFingerprint = 5
    /// ENROLL_FP: cancelled at the kiosk or timed out.
    case enrollCancelled = 6
    /// ENROLL_FP: the kiosk was busy.
    case enrollBusy = 7
}
