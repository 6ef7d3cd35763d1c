/// A failure reported by the module: one case per non-zero confirmation code.
public enum EF01ModuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0x01: The module failed to receive the packet.
    case receiveError
    /// 0x02: No finger on the sensor.
    case noFinger
    /// 0x03: The finger image could not be captured.
    case imageCaptureFailed
    /// 0x06: The finger image is too messy to use.
    case imageTooMessy
    /// 0x07: The finger image has too few features.
    case tooFewFeatures
    /// 0x08: The two templates do not match.
    case noMatch
    /// 0x09: The finger was not found in the library.
    case notFound
    /// 0x0A: The presses were not of the same finger.
    case enrollMismatch
    /// 0x0B: The slot number is beyond the library.
    case slotOutOfRange
    /// 0x0C: The stored template is invalid or unreadable.
    case invalidTemplate
    /// 0x0D: Uploading the template failed.
    case templateUploadFailed
    /// 0x0E: The module cannot receive the data packets.
    case cannotReceiveData
    /// 0x0F: Uploading the image failed.
    case imageUploadFailed
    /// 0x10: Deleting the template failed.
    case deleteFailed
    /// 0x11: Clearing the library failed.
    case emptyFailed
    /// 0x13: Wrong module password.
    case wrongPassword
    /// 0x15: There is no valid image to process.
    case noValidImage
    /// 0x18: Writing the module's flash failed.
    case flashWriteError
    /// 0x19: Undefined module error.
    case undefinedError
    /// 0x1A: Invalid system parameter number.
    case invalidRegister
    /// 0x1C: Invalid notepad page.
    case badNotepadPage
    /// 0x1F: The fingerprint library is full.
    case libraryFull
    /// 0x20: Wrong module address.
    case wrongAddress
    /// 0x21: The module password must be verified first.
    case passwordRequired
    /// 0x22: The template is empty.
    case templateEmpty
    /// 0x24: The fingerprint library is empty.
    case libraryEmpty
    /// 0x26: The module timed out.
    case timeout
    /// 0x27: The finger is already enrolled.
    case alreadyExists
    /// 0x29: The sensor is faulty.
    case sensorFault
    /// 0xFC: The module does not support this command.
    case unsupportedCommand
    /// 0xFD: Module hardware error.
    case hardwareError
    /// 0xFE: The module failed to execute the command.
    case executionFailure
    /// A non-zero code this codec does not know (firmware variants add their own).
    case unknownCode(UInt8)

    /// The error for confirmation `code`, or nil for 0x00 (success).
    public init?(code: UInt8) {
        guard let known = EF01ConfirmationCode(rawValue: code) else {
            self = .unknownCode(code)
            return
        }
        self.init(known)
    }

    /// The error for a confirmation code, or nil for `.success`.
    public init?(_ confirmation: EF01ConfirmationCode) {
        switch confirmation {
        case .success: return nil
        case .receiveError: self = .receiveError
        case .noFinger: self = .noFinger
        case .imageCaptureFailed: self = .imageCaptureFailed
        case .imageTooMessy: self = .imageTooMessy
        case .tooFewFeatures: self = .tooFewFeatures
        case .noMatch: self = .noMatch
        case .notFound: self = .notFound
        case .enrollMismatch: self = .enrollMismatch
        case .slotOutOfRange: self = .slotOutOfRange
        case .invalidTemplate: self = .invalidTemplate
        case .templateUploadFailed: self = .templateUploadFailed
        case .cannotReceiveData: self = .cannotReceiveData
        case .imageUploadFailed: self = .imageUploadFailed
        case .deleteFailed: self = .deleteFailed
        case .emptyFailed: self = .emptyFailed
        case .wrongPassword: self = .wrongPassword
        case .noValidImage: self = .noValidImage
        case .flashWriteError: self = .flashWriteError
        case .undefinedError: self = .undefinedError
        case .invalidRegister: self = .invalidRegister
        case .badNotepadPage: self = .badNotepadPage
        case .libraryFull: self = .libraryFull
        case .wrongAddress: self = .wrongAddress
        case .passwordRequired: self = .passwordRequired
        case .templateEmpty: self = .templateEmpty
        case .libraryEmpty: self = .libraryEmpty
        case .timeout: self = .timeout
        case .alreadyExists: self = .alreadyExists
        case .sensorFault: self = .sensorFault
        case .unsupportedCommand: self = .unsupportedCommand
        case .hardwareError: self = .hardwareError
        case .executionFailure: self = .executionFailure
        }
    }

    /// The confirmation code this error stands for.
    public var code: UInt8 {
        switch self {
        case .receiveError: 0x01
        case .noFinger: 0x02
        case .imageCaptureFailed: 0x03
        case .imageTooMessy: 0x06
        case .tooFewFeatures: 0x07
        case .noMatch: 0x08
        case .notFound: 0x09
        case .enrollMismatch: 0x0A
        case .slotOutOfRange: 0x0B
        case .invalidTemplate: 0x0C
        case .templateUploadFailed: 0x0D
        case .cannotReceiveData: 0x0E
        case .imageUploadFailed: 0x0F
        case .deleteFailed: 0x10
        case .emptyFailed: 0x11
        case .wrongPassword: 0x13
        case .noValidImage: 0x15
        case .flashWriteError: 0x18
        case .undefinedError: 0x19
        case .invalidRegister: 0x1A
        case .badNotepadPage: 0x1C
        case .libraryFull: 0x1F
        case .wrongAddress: 0x20
        case .passwordRequired: 0x21
        case .templateEmpty: 0x22
        case .libraryEmpty: 0x24
        case .timeout: 0x26
        case .alreadyExists: 0x27
        case .sensorFault: 0x29
        case .unsupportedCommand: 0xFC
        case .hardwareError: 0xFD
        case .executionFailure: 0xFE
        case .unknownCode(let code): code
        }
    }

    /// A readable English explanation, for logs and the technician.
    public var description: String {
        switch self {
        case .receiveError: "The module failed to receive the packet (0x01)"
        case .noFinger: "No finger on the sensor (0x02)"
        case .imageCaptureFailed: "The finger image could not be captured (0x03)"
        case .imageTooMessy: "The finger image is too messy to use (0x06)"
        case .tooFewFeatures: "The finger image has too few features (0x07)"
        case .noMatch: "The two templates do not match (0x08)"
        case .notFound: "The finger was not found in the library (0x09)"
        case .enrollMismatch: "The presses were not of the same finger (0x0A)"
        case .slotOutOfRange: "The slot number is beyond the library (0x0B)"
        case .invalidTemplate: "The stored template is invalid or unreadable (0x0C)"
        case .templateUploadFailed: "Uploading the template failed (0x0D)"
        case .cannotReceiveData: "The module cannot receive the data packets (0x0E)"
        case .imageUploadFailed: "Uploading the image failed (0x0F)"
        case .deleteFailed: "Deleting the template failed (0x10)"
        case .emptyFailed: "Clearing the library failed (0x11)"
        case .wrongPassword: "Wrong module password (0x13)"
        case .noValidImage: "There is no valid image to process (0x15)"
        case .flashWriteError: "Writing the module's flash failed (0x18)"
        case .undefinedError: "Undefined module error (0x19)"
        case .invalidRegister: "Invalid system parameter number (0x1A)"
        case .badNotepadPage: "Invalid notepad page (0x1C)"
        case .libraryFull: "The fingerprint library is full (0x1F)"
        case .wrongAddress: "Wrong module address (0x20)"
        case .passwordRequired: "The module password must be verified first (0x21)"
        case .templateEmpty: "The template is empty (0x22)"
        case .libraryEmpty: "The fingerprint library is empty (0x24)"
        case .timeout: "The module timed out (0x26)"
        case .alreadyExists: "The finger is already enrolled (0x27)"
        case .sensorFault: "The sensor is faulty (0x29)"
        case .unsupportedCommand: "The module does not support this command (0xFC)"
        case .hardwareError: "Module hardware error (0xFD)"
        case .executionFailure: "The module failed to execute the command (0xFE)"
        case .unknownCode(let code): "Unknown module error (\(hex8(code)))"
        }
    }
}
