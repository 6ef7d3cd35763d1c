import HadirScanner
import HadirSimulator

enum FaceDriverFixture {
    /// Replies from the in-memory module are queued before the driver reads, so this response
    /// timeout is only ever waited out by tests of a silent module.
    static let configuration = FaceScannerConfiguration(responseTimeout: .milliseconds(300), releaseDelay: .milliseconds(5))

    static func user(_ id: UInt16, face: Int, name: String = "employee") -> FaceUserStore.User {
        FaceUserStore.User(userID: id, name: name, admin: false, face: face)
    }

    /// A driver opened on an emulated module holding `users`; the open's commands are forgotten.
    static func opened(
        users: [FaceUserStore.User] = [], module: FaceEmulatorConfiguration = FaceEmulatorConfiguration(),
        configuration: FaceScannerConfiguration = configuration
    ) async throws -> (FaceScannerDriver, EmulatedFaceTransport) {
        let transport = EmulatedFaceTransport(FaceModuleEmulator(configuration: module, users: FaceUserStore(users: users)))
        let driver = FaceScannerDriver(transport: transport, configuration: configuration)
        _ = try await driver.open()
        transport.forgetCommands()
        return (driver, transport)
    }

    /// The ENROLL_ITG requests the host sent, in order.
    static func enrollRequests(_ transport: EmulatedFaceTransport) -> [EFAAIntegratedEnrollRequest] {
        transport.commands.compactMap {
            if case .enrollIntegrated(let request) = $0 { request } else { nil }
        }
    }

    /// The timeouts of the VERIFY commands the host sent, in order.
    static func verifyTimeouts(_ transport: EmulatedFaceTransport) -> [UInt8] {
        transport.commands.compactMap {
            if case .verify(let request) = $0 { request.timeoutSeconds } else { nil }
        }
    }
}
