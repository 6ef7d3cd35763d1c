import Foundation
import HadirConnectionLimits
import HadirCore
import HadirPull
import Logging
import ServiceLifecycle

/// Runs the ZK pull server as a lifecycle service: it stops listening on graceful shutdown.
public final class PullService: Service {
    let server: ZKPullServer
    /// nil when the port could not be bound (already logged): punching goes on without pulls.
    let listeners: ZKPullListeners?
    let logger: Logger

    init(server: ZKPullServer, listeners: ZKPullListeners?, logger: Logger) {
        self.server = server
        self.listeners = listeners
        self.logger = logger
    }

    /// Live figures for status and metrics.
    public var status: ZKPullServerStatus { server.status }

    public func run() async throws {
        guard let listeners else {
            try? await gracefulShutdown()
            return
        }
        do {
            try await cancelWhenGracefulShutdown {
                try await self.server.serve(listeners)
            }
        } catch is CancellationError {
            return
        } catch {
            // A failed socket must not stop punching: the kiosk's first job goes on without pulls.
            logger.error("pull server stopped: \(error)", metadata: ["port": "\(server.configuration.port)"])
            try? await gracefulShutdown()
        }
    }

    /// Builds the server from `[pull]` and binds its sockets, so the daemon reports READY only
    /// once pulls can connect. A taken port is logged and leaves the kiosk running without pulls.
    static func make(
        configuration: HadirConfiguration, serial: String, device: any ZKPullDevice, events: ZKLiveEventHub, logger: Logger
    ) async throws -> PullService {
        let pull = configuration.pull
        let info = ZKDeviceInfo(
            serialNumber: serial, platform: pull.platform, deviceName: pull.deviceName,
            macAddress: pull.macAddress.isEmpty ? NetworkIdentity.macAddress() : pull.macAddress,
            firmwareVersion: "Ver 6.60 Hadir \(HadirVersion.current)", pinWidth: UInt8(EmployeePIN.maximumLength),
            ipAddress: NetworkIdentity.ipv4Address() ?? "0.0.0.0")
        let server = ZKPullServer(
            configuration: ZKPullServerConfiguration(
                host: pull.host, port: pull.port, tcp: pull.tcp, udp: pull.udp, commKey: pull.commKey, readOnly: pull.readOnly,
                allowList: try ZKAllowList(pull.allow), maximumSessions: pull.maxSessions,
                maximumSessionsPerAddress: pull.maxSessionsPerAddress,
                connectionLimits: ConnectionLimits(
                    maximumConnections: pull.maxConnections, maximumPerAddress: pull.maxConnectionsPerAddress,
                    firstRequestTimeoutSeconds: Double(pull.firstRequestTimeoutSeconds)),
                requestsPerSecond: pull.requestsPerSecond,
                requestBurst: pull.requestsPerSecond * 2, idleTimeoutSeconds: Double(pull.idleTimeoutSeconds), device: info),
            device: device, events: events, logger: logger)
        do {
            return PullService(server: server, listeners: try await server.bind(), logger: logger)
        } catch {
            logger.error("pull server not started: \(error)", metadata: ["host": "\(pull.host)", "port": "\(pull.port)"])
            return PullService(server: server, listeners: nil, logger: logger)
        }
    }
}
