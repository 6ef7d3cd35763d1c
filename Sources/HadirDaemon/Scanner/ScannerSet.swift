import HadirCore

/// The kiosk's scanner modules, at most one per modality, the first configured one first.
public struct ScannerSet: Sendable {
    public let services: [ScannerService]

    public init(_ services: [ScannerService]) {
        precondition(!services.isEmpty, "a kiosk has at least one scanner")
        self.services = services
    }

    /// The `[scanner]` module: what single-scanner status fields and the systemd status name.
    public var primary: ScannerService { services[0] }

    public func service(for modality: BiometricModality) -> ScannerService? {
        services.first { $0.modality == modality }
    }

    public var fingerprint: ScannerService? { service(for: .fingerprint) }

    /// True when every module is connected.
    public var allConnected: Bool { services.allSatisfy { $0.status.connected } }

    /// Deletes every module's pending orphans now, where the module is connected; the rest wait
    /// for the next connect.
    public func deleteOrphansNow(actor: String) async {
        for service in services { await service.deletePendingOrphans(actor: actor) }
    }
}
