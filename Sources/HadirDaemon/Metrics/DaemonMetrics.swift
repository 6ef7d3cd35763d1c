import CoreMetrics
import Foundation
import HadirConnectionLimits
import HadirStore
import Metrics
import Prometheus
import Synchronization

/// The daemon's metrics: swift-metrics everywhere, exported in the Prometheus text format.
///
/// Counters are pushed where things happen; gauges that describe state (backlog, sessions) are
/// read from the store and services at scrape time, so they are never stale.
public final class DaemonMetrics: Sendable {
    /// swift-metrics can be bootstrapped once per process.
    public static let shared = DaemonMetrics()

    let registry = PrometheusCollectorRegistry()

    private init() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// Bootstraps swift-metrics (once); call before anything records.
    public static func bootstrap() { _ = shared }

    /// Refreshes the state gauges, then renders everything in the Prometheus text format.
    func render(
        database: HadirDatabase, servers: [String], scannerConnected: Bool, pull: PullService?, control: ControlConnectionsStatus? = nil,
        nowMilliseconds: Int64, storage: StorageStatus? = nil
    ) throws -> String {
        Gauge(label: "hadir_journal_punches").record(try database.punchCount())
        Gauge(label: "hadir_scanner_connected").record(scannerConnected ? 1 : 0)
        if let storage { record(storage) }
        for server in servers {
            let backlog = try database.uplinkBacklog(server: server)
            Gauge(label: "hadir_uplink_backlog", dimensions: [("server", server)]).record(backlog.count)
            let age = backlog.oldestUTCMilliseconds.map { max(0, nowMilliseconds - $0) / 1000 } ?? 0
            Gauge(label: "hadir_uplink_oldest_unsynced_age_seconds", dimensions: [("server", server)]).record(age)
            Gauge(label: "hadir_uplink_quarantined", dimensions: [("server", server)])
                .record(try database.quarantinedPunches(server: server).count)
        }
        if let status = pull?.status {
            Gauge(label: "hadir_pull_sessions", dimensions: [("transport", "tcp")]).record(status.tcpSessions)
            Gauge(label: "hadir_pull_sessions", dimensions: [("transport", "udp")]).record(status.udpSessions)
            Gauge(label: "hadir_pull_authentication_failures").record(status.authenticationFailures)
            Gauge(label: "hadir_pull_refused", dimensions: [("reason", "allow_list")]).record(status.refusedByAllowList)
            Gauge(label: "hadir_pull_refused", dimensions: [("reason", "session_limit")]).record(status.refusedOverSessionLimit)
            Gauge(label: "hadir_pull_refused", dimensions: [("reason", "rate")]).record(status.rateLimited)
            Gauge(label: "hadir_pull_bad_frames").record(status.badFrames)
            Gauge(label: "hadir_pull_refused", dimensions: [("reason", "address_session_limit")]).record(status.refusedOverAddressLimit)
            record(status.connections, prefix: "hadir_pull", dimensions: [])
        }
        if let unix = control?.unixSocket { record(unix, prefix: "hadir_control", dimensions: [("listener", "unix")]) }
        if let lan = control?.lan { record(lan, prefix: "hadir_control", dimensions: [("listener", "lan")]) }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Free space, the alarm level (0 ok, 1 warning, 2 critical, 3 full) and a quarantined database
    /// not yet recovered.
    private func record(_ storage: StorageStatus) {
        if let free = storage.freeBytes { Gauge(label: "hadir_storage_free_bytes").record(free) }
        if let total = storage.totalBytes { Gauge(label: "hadir_storage_total_bytes").record(total) }
        Gauge(label: "hadir_storage_level").record(storage.level.rank)
        Gauge(label: "hadir_storage_full").record(storage.level == .full ? 1 : 0)
        // 1 until `hadirctl recover` has salvaged the quarantined file.
        Gauge(label: "hadir_database_quarantined").record(storage.quarantined != nil && storage.quarantined?.recovered == nil ? 1 : 0)
    }

    /// One listener's connection figures: open now, and closed by the limits, by reason.
    private func record(_ status: ConnectionGateStatus, prefix: String, dimensions: [(String, String)]) {
        Gauge(label: "\(prefix)_connections_open", dimensions: dimensions).record(status.open)
        let refusals = [
            ("connection_limit", status.refusedOverLimit), ("per_address_limit", status.refusedPerAddress), ("evicted", status.evicted),
            ("silent", status.silentTimeouts),
        ]
        for (reason, count) in refusals {
            Gauge(label: "\(prefix)_connections_refused_total", dimensions: dimensions + [("reason", reason)]).record(count)
        }
    }
}
