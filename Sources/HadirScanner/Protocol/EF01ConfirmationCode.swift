/// An EF01 confirmation code: the first content byte of every acknowledgement.
public enum EF01ConfirmationCode: UInt8, CaseIterable, Sendable {
    /// The command succeeded.
    case success = 0x00
    /// 0x01: The module failed to receive the packet.
    case receiveError = 0x01
    /// 0x02: No finger on the sensor.
    case noFinger = 0x02
    /// 0x03: The finger image could not be captured.
    case imageCaptureFailed = 0x03
    /// 0x06: The finger image is too messy to use.
    case imageTooMessy = 0x06
    /// 0x07: The finger image has too few features.
    case tooFewFeatures = 0x07
    /// 0x08: The two templates do not match.
    case noMatch = 0x08
    /// 0x09: The finger was not found in the library.
    case notFound = 0x09
    /// 0x0A: The presses were not of the same finger.
    case enrollMismatch = 0x0A
    /// 0x0B: The slot number is beyond the library.
    case slotOutOfRange = 0x0B
    /// 0x0C: The stored template is invalid or unreadable.
    case invalidTemplate = 0x0C
    /// 0x0D: Uploading the template failed.
    case templateUploadFailed = 0x0D
    /// 0x0E: The module cannot receive the data packets.
    case cannotReceiveData = 0x0E
    /// 0x0F: Uploading the image failed.
    case imageUploadFailed = 0x0F
    /// 0x10: Deleting the template failed.
    case deleteFailed = 0x10
    /// 0x11: Clearing the library failed.
    case emptyFailed = 0x11
    /// 0x13: Wrong module password.
    case wrongPassword = 0x13
    /// 0x15: There is no valid image to process.
    case noValidImage = 0x15
    /// 0x18: Writing the module's flash failed.
    case flashWriteError = 0x18
    /// 0x19: Undefined module error.
    case undefinedError = 0x19
    /// 0x1A: Invalid system parameter number.
    case invalidRegister = 0x1A
    /// 0x1C: Invalid notepad page.
    case badNotepadPage = 0x1C
    /// 0x1F: The fingerprint library is full.
    case libraryFull = 0x1F
    /// 0x20: Wrong module address.
    case wrongAddress = 0x20
    /// 0x21: The module password must be verified first.
    case passwordRequired = 0x21
    /// 0x22: The template is empty.
    case templateEmpty = 0x22
    /// 0x24: The fingerprint library is empty.
    case libraryEmpty = 0x24
    /// 0x26: The module timed out.
    case timeout = 0x26
    /// 0x27: The finger is already enrolled.
    case alreadyExists = 0x27
    /// 0x29: The sensor is faulty.
    case sensorFault = 0x29
    /// 0xFC: The module does not support this command.
    case unsupportedCommand = 0xFC
    /// 0xFD: Module hardware error.
    case hardwareError = 0xFD
    /// 0xFE: The module failed to execute the command.
    case executionFailure = 0xFE
}
