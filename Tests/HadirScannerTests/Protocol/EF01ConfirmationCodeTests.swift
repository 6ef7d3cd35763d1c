import Testing

@testable import HadirScanner

struct EF01ConfirmationCodeTests {
    static let referenceCodes: [UInt8] = [
        0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10,
        0x11, 0x13, 0x15, 0x18, 0x19, 0x1A, 0x1C, 0x1F, 0x20, 0x21, 0x22, 0x24, 0x26, 0x27, 0x29,
        0xFC, 0xFD, 0xFE,
    ]

    static let expectedErrors: [(UInt8, EF01ModuleError)] = [
        (0x01, .receiveError), (0x02, .noFinger), (0x03, .imageCaptureFailed), (0x06, .imageTooMessy),
        (0x07, .tooFewFeatures), (0x08, .noMatch), (0x09, .notFound), (0x0A, .enrollMismatch),
        (0x0B, .slotOutOfRange), (0x0C, .invalidTemplate), (0x0D, .templateUploadFailed),
        (0x0E, .cannotReceiveData), (0x0F, .imageUploadFailed), (0x10, .deleteFailed),
        (0x11, .emptyFailed), (0x13, .wrongPassword), (0x15, .noValidImage), (0x18, .flashWriteError),
        (0x19, .undefinedError), (0x1A, .invalidRegister), (0x1C, .badNotepadPage),
        (0x1F, .libraryFull), (0x20, .wrongAddress), (0x21, .passwordRequired), (0x22, .templateEmpty),
        (0x24, .libraryEmpty), (0x26, .timeout), (0x27, .alreadyExists), (0x29, .sensorFault),
        (0xFC, .unsupportedCommand), (0xFD, .hardwareError), (0xFE, .executionFailure),
    ]

    @Test func confirmationCodesCoverExactlyTheReferenceTable() {
        #expect(EF01ConfirmationCode.allCases.map(\.rawValue).sorted() == Self.referenceCodes)
    }

    @Test func successCodeIsNoError() {
        #expect(EF01ModuleError(code: 0x00) == nil)
        #expect(EF01ModuleError(EF01ConfirmationCode.success) == nil)
        #expect(EF01Acknowledgement(code: 0).isSuccess)
    }

    @Test("every non-zero code maps to its typed error", arguments: expectedErrors)
    func nonZeroCodeMapsToTypedError(code: UInt8, error: EF01ModuleError) throws {
        #expect(EF01ModuleError(code: code) == error)
        #expect(error.code == code)
        let confirmation = try #require(EF01ConfirmationCode(rawValue: code))
        #expect(EF01ModuleError(confirmation) == error)
        #expect(EF01Acknowledgement(code: code).error == error)
        #expect(throws: error) { try EF01Acknowledgement(code: code).check() }
        #expect(!error.description.isEmpty)
        #expect(!error.description.contains("Unknown"))
    }

    @Test func expectedErrorsListCoversEveryNonZeroCode() {
        #expect(Self.expectedErrors.map(\.0) == Array(Self.referenceCodes.dropFirst()))
    }

    @Test func unlistedCodesBecomeUnknownCodeErrors() {
        let known = Set(Self.referenceCodes)
        for code in UInt8.min...UInt8.max where !known.contains(code) {
            #expect(EF01ModuleError(code: code) == .unknownCode(code))
            #expect(EF01ModuleError.unknownCode(code).code == code)
        }
        #expect(EF01ModuleError.unknownCode(0x42).description.contains("0x42"))
    }

    @Test func descriptionsAreReadableEnglish() {
        #expect(EF01ModuleError.libraryFull.description == "The fingerprint library is full (0x1F)")
        #expect(EF01ModuleError.enrollMismatch.description.contains("same finger"))
    }
}
