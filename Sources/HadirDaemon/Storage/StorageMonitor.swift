import HadirCore
import Logging
import ServiceLifecycle

/// Checks the free space under the state directory every `[storage] check_every_s` and raises the
/// alarm when it crosses a threshold: a log line at the level's severity, a kiosk event for the
/// door screen, status and metrics. It never deletes anything to make room: unsent punches are
/// kept however full the disk gets (decision 0012).
struct StorageMonitor: Service {
    let directory: String
    let health: StorageHealth
    let interval: Duration
    let hub: FeedbackHub
    let language: KioskLanguage
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                check()
                // Cancelled at shutdown: end quietly, a thrown error would cancel the whole group.
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Reads the free space once and announces a change of level.
    func check() {
        guard let space = DiskSpace.of(directory) else {
            logger.error("cannot read the free space of the state directory", metadata: ["path": "\(directory)"])
            return
        }
        guard let level = health.recordSpace(space) else { return }
        let detail =
            "\(level.rawValue): \(space.freeBytes / 1_048_576) MB free of \(space.totalBytes / 1_048_576) MB under \(directory)"
        let metadata: Logger.Metadata = ["free_bytes": "\(space.freeBytes)", "path": "\(directory)"]
        switch level {
        case .ok, .full:
            logger.notice("free space is back above the storage thresholds", metadata: metadata)
            publish(.storageRecovered, kind: .storageRecovered, detail: detail)
        case .warning:
            logger.warning("free space is below [storage] warn_free_mb; unsent punches are kept, free space soon", metadata: metadata)
            publish(.storageLow, kind: .storageLow, detail: detail)
        case .critical:
            logger.critical(
                "free space is below [storage] critical_free_mb; punches will be refused when the disk is full", metadata: metadata)
            publish(.storageLow, kind: .storageLow, detail: detail)
        }
    }

    private func publish(_ feedback: KioskFeedback, kind: FeedbackEvent.Kind, detail: String) {
        hub.publish(FeedbackEvent(event: kind, message: feedback.text(in: language), detail: detail))
    }
}
