import Foundation
import HadirCore
import HadirHTTPClient
import HadirStore
import HadirUplink
import Logging
import ServiceLifecycle

/// Runs one ``UplinkClient`` per configured server until shutdown.
public final class UplinkService: Service {
    public let clients: [UplinkClient]
    let logger: Logger

    init(clients: [UplinkClient], logger: Logger) {
        self.clients = clients
        self.logger = logger
    }

    /// Builds the clients from `[uplink.<name>]` tables.
    static func make(
        configuration: HadirConfiguration, serial: String, database: HadirDatabase, kiosk: any UplinkKiosk, clock: any ClockSource,
        logger: Logger
    ) throws -> UplinkService {
        let zone = configuration.policy.profile.zone.offsetSeconds
        let names = configuration.uplinks.map(\.name)
        let clients = try configuration.uplinks.map { server in
            var settings = UplinkClientSettings(server: server.name, baseURL: server.url, serialNumber: serial, zoneOffsetSeconds: zone)
            settings.aspx = server.aspx
            settings.session.maxBatch = server.maxBatch
            settings.session.quarantineAfter = server.quarantineAfter
            settings.session.legacyStamps = server.legacy
            var http = CurlHTTPConfiguration()
            http.connectTimeout = .milliseconds(server.connectTimeoutMilliseconds)
            http.totalTimeout = .milliseconds(server.totalTimeoutMilliseconds)
            http.caFile = server.caFile
            http.clientCertificate = server.clientCertificate
            http.clientKey = server.clientKey
            http.pinnedPublicKey = server.pinnedPublicKey
            http.proxy = server.proxy
            let executor = UplinkCommandExecutor(
                database: database, kiosk: kiosk, server: server.name, allServers: names, zoneOffsetSeconds: zone)
            return try UplinkClient(
                settings: settings, database: database, transport: CurlHTTPTransport(configuration: http), executor: executor, kiosk: kiosk,
                clock: { clock.now().utcMilliseconds }, logger: logger)
        }
        return UplinkService(clients: clients, logger: logger)
    }

    /// Upload and poll every server now.
    public func requestSync() {
        for client in clients { client.requestSync() }
    }

    public func run() async throws {
        guard !clients.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for client in self.clients { group.addTask { await client.run() } }
            }
        }
    }
}
