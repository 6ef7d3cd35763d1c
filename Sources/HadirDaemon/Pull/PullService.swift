import Foundation
import HadirCore
import HadirPull
import Logging
import ServiceLifecycle

/// Runs the ZK pull server as a lifecycle service: it stops listening on graceful shutdown.
public final class PullService: Service {
    let server: ZKPullServer
    let logger: Logger

    init(server: ZKPullServer, logger: Logger) {
        self.server = server
        self.logger = logger
    }

    /// Live figures for status and metrics.
    public var status: ZKPullServerStatus { server.status }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await self.server.run()
            }
        } catch is CancellationError {
            return
        } catch {
            // A taken port must not stop punching: the kiosk's first job goes on without pulls.
            logger.error("pull server stopped: \(error)", metadata: ["port": "\(server.configuration.port)"])
            try? await gracefulShutdown()
        }
    }

    /// Builds the server from `[pull]`.
    static func make(
        configuration: HadirConfiguration, serial: String, device: any ZKPullDevice, events: ZKLiveEventHub, logger: Logger
    ) throws -> PullService {
        let pull = configuration.pull
        let info = ZKDeviceInfo(
            serialNumber: serial, platform: pull.platform, deviceName: pull.deviceName,
            macAddress: pull.macAddress.isEmpty ? NetworkIdentity.macAddress() : pull.macAddress,
            firmwareVersion: "Ver 6.60 Hadir \(HadirVersion.current)", pinWidth: UInt8(EmployeePIN.maximumLength),
            ipAddress: NetworkIdentity.ipv4Address() ?? "0.0.0.0")
        let server = ZKPullServer(
            configuration: ZKPullServerConfiguration(
                host: pull.host, port: pull.port, tcp: pull.tcp, udp: pull.udp, commKey: pull.commKey, readOnly: pull.readOnly,
                allowList: try ZKAllowList(pull.allow), maximumSessions: pull.maxSessions, requestsPerSecond: pull.requestsPerSecond,
                requestBurst: pull.requestsPerSecond * 2, idleTimeoutSeconds: Double(pull.idleTimeoutSeconds), device: info),
            device: device, events: events, logger: logger)
        return PullService(server: server, logger: logger)
    }
}
