import HadirScanner
import HadirStore

extension ScannerService {
    /// How many times a face enrollment starts over after a liveness failure or a missed direction.
    static let faceEnrollAttempts = 3

    /// The driver for the configured kind over a fresh transport.
    func makeModule(_ transport: any ScannerTransport) -> any ScannerModule {
        switch configuration.kind {
        case .ef01: ScannerDriver(transport: transport, configuration: fingerprintConfiguration)
        case .fm225: FaceScannerDriver(transport: transport, configuration: faceConfiguration)
        }
    }

    var fingerprintConfiguration: ScannerConfiguration {
        ScannerConfiguration(
            address: configuration.address, password: configuration.password ?? 0,
            verifyPassword: configuration.password != nil,
            responseTimeout: .milliseconds(configuration.responseTimeoutMilliseconds),
            identifyTimeout: .milliseconds(configuration.identifyTimeoutMilliseconds),
            pollInterval: .milliseconds(configuration.pollIntervalMilliseconds),
            enrollPressTimeout: .milliseconds(configuration.enrollPressTimeoutMilliseconds))
    }

    /// `enroll_press_timeout_ms` is each direction's window, in the whole seconds EFAA counts in.
    var faceConfiguration: FaceScannerConfiguration {
        FaceScannerConfiguration(
            responseTimeout: .milliseconds(configuration.responseTimeoutMilliseconds),
            enrollDirectionTimeoutSeconds: UInt8(clamping: (configuration.enrollPressTimeoutMilliseconds + 999) / 1000),
            enrollAttempts: Self.faceEnrollAttempts)
    }

    /// A face enrollment cut off (power, crash) between the module storing the face and our commit
    /// leaves a face id nobody owns: with the flag still set, such ids are marked for deletion.
    func adoptInterruptedFaceEnrollment(_ module: any ScannerModule) async throws {
        guard modality == .face, try database.faceEnrollmentInterrupted() else { return }
        let ids = try await module.list()
        try database.orphanUnownedFaces(ids, reason: "left by an interrupted face enrollment")
        logger.notice("face enrollment was interrupted; unowned face ids marked for deletion", metadata: ["module_ids": "\(ids)"])
    }
}
