import HadirCore

extension ScannerDriver: ScannerModule {
    public nonisolated var modality: BiometricModality { .fingerprint }

    public func open() async throws(ScannerError) -> ScannerModuleInfo {
        let parameters = try await connect()
        return ScannerModuleInfo(
            capacity: Int(parameters.capacity), detail: "capacity \(parameters.capacity)", packetSize: parameters.packetSize)
    }

    public func close() async {
        disconnect()
    }

    public func identify(within timeout: Duration) async throws(ScannerError) -> IdentifyOutcome {
        try await identify(timeout: timeout)
    }

    public func awaitRelease(timeout: Duration) async throws(ScannerError) -> Bool {
        try await waitForLift(timeout: timeout)
    }

    public func enroll(
        label: String, excludingSlots: Set<UInt16>, progress: @escaping @Sendable (EnrollStage) -> Void
    ) async throws(ScannerError) -> EnrollCapture {
        try await enroll(excludingSlots: excludingSlots, progress: progress)
    }
}
