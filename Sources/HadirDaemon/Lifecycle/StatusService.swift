import HadirStore
import Logging
import ServiceLifecycle

/// Keeps systemd's `STATUS=` current: checks the scanner state each second and the backlog every
/// few seconds (a count over the unsent journal rows), and sends a line only when it changed.
struct StatusService: Service {
    let notifier: SystemdNotifier
    let scanners: ScannerSet
    let database: HadirDatabase
    let servers: [String]
    let nowMilliseconds: @Sendable () -> Int64

    static let tick: Duration = .seconds(1)
    static let backlogEvery = 5

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var sent: String?
            var backlog: DaemonStatusLine.Backlog?
            var round = 0
            while !Task.isCancelled {
                if round % Self.backlogEvery == 0 { backlog = currentBacklog() ?? backlog }
                round += 1
                // A mixed kiosk names the module that is down, else the first one.
                let status = scanners.services.map(\.status).first { !$0.connected } ?? scanners.primary.status
                let line = DaemonStatusLine(scannerConnected: status.connected, scannerPath: status.path, backlog: backlog).text
                if line != sent {
                    notifier.notify("STATUS=" + line)
                    sent = line
                }
                // Cancelled at shutdown: end quietly, a thrown error would cancel the whole group.
                try? await Task.sleep(for: Self.tick)
            }
        }
    }

    /// The worst server's backlog; nil without servers or when the store cannot be read.
    func currentBacklog() -> DaemonStatusLine.Backlog? {
        guard !servers.isEmpty else { return nil }
        var worst = DaemonStatusLine.Backlog(unsent: 0, oldestAgeSeconds: nil)
        for server in servers {
            guard let backlog = try? database.uplinkBacklog(server: server) else { return nil }
            let age = backlog.oldestUTCMilliseconds.map { max(0, nowMilliseconds() - $0) / 1000 }
            worst.unsent = max(worst.unsent, backlog.count)
            if let age { worst.oldestAgeSeconds = max(worst.oldestAgeSeconds ?? 0, age) }
        }
        return worst
    }
}
