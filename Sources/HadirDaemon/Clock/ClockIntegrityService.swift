import ServiceLifecycle

/// Polls the clock-integrity monitor every couple of seconds for the daemon's life.
struct ClockIntegrityService: Service {
    let monitor: ClockIntegrityMonitor
    /// Short enough that "Jam belum sinkron" and corrections follow sync within seconds; long
    /// enough to cost nothing (one sync-source read and one indexed journal query per poll).
    static let interval: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await monitor.poll()
                // Cancelled at shutdown: end quietly, a thrown error would cancel the whole group.
                try? await Task.sleep(for: Self.interval)
            }
        }
    }
}
