import Foundation
import Logging
import Testing

@testable import HadirDaemon

/// Free-space thresholds and the monitor that announces crossing them.
@Suite struct StorageMonitorTests {
    let directory = NSTemporaryDirectory() + "hadir-storage-\(UUID().uuidString.prefix(8))"

    @Test func thresholdsGradeFreeSpaceAndZeroSwitchesThemOff() {
        let thresholds = StorageThresholds(warnFreeMegabytes: 500, criticalFreeMegabytes: 50)
        #expect(StorageLevel.of(freeBytes: 600 * 1_048_576, thresholds: thresholds) == .ok)
        #expect(StorageLevel.of(freeBytes: 499 * 1_048_576, thresholds: thresholds) == .warning)
        #expect(StorageLevel.of(freeBytes: 49 * 1_048_576, thresholds: thresholds) == .critical)
        let off = StorageThresholds(warnFreeMegabytes: 0, criticalFreeMegabytes: 0)
        #expect(StorageLevel.of(freeBytes: 0, thresholds: off) == .ok)
    }

    @Test func theMonitorAnnouncesACrossedThresholdOnceWithAKioskEvent() async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        // Thresholds no real disk satisfies: the first check is critical.
        let health = StorageHealth(thresholds: StorageThresholds(warnFreeMegabytes: 900_000_000, criticalFreeMegabytes: 800_000_000))
        let monitor = StorageMonitor(
            directory: directory, health: health, interval: .seconds(60), hub: hub, language: .indonesian, logger: Logger(label: "test"))
        var events = hub.subscribe().makeAsyncIterator()
        monitor.check()
        monitor.check()
        let event = await events.next()
        #expect(event?.event == .storageLow)
        #expect(event?.message == "Penyimpanan hampir penuh — hubungi operator")
        #expect(event?.detail?.hasPrefix("critical: ") == true)
        #expect(health.status.level == .critical)
        #expect(health.status.freeBytes != nil)
        hub.publish(FeedbackEvent(event: .ready, message: "marker"))
        #expect(await events.next()?.message == "marker", "the second check must not announce again")
    }
}
