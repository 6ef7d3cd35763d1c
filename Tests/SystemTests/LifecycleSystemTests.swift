import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// hadird under a systemd-like supervisor: a NOTIFY_SOCKET the test owns, WATCHDOG_USEC, SIGHUP
/// and SIGTERM. Only notify datagrams, stdout feedback lines and stderr logs are read.
@Suite(.serialized) struct LifecycleSystemTests {
    @Test func notifyWatchdogReloadAndStopLikeSystemd() throws {
        let dir = try TemporaryDirectory("life")
        defer { dir.remove() }
        let notify = try NotifySocket(directory: dir.path)
        defer { notify.close() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        // A server nobody answers: the backlog is reported, and nothing is ever acknowledged.
        let uplink = "\n[uplink.central]\nurl = \"http://127.0.0.1:9/iclock/\"\n"
        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link, extraConfig: uplink,
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000"])

        #expect(notify.waitFor("READY=1"), "no READY=1; got \(notify.messages)")
        let status = notify.waitForLine { $0.hasPrefix("STATUS=scanner connected (\(simulator.link)); backlog ") }
        #expect(status == "STATUS=scanner connected (\(simulator.link)); backlog 0", "got \(notify.messages)")
        // Half of WatchdogSec: about one ping a second; a few prove it is a loop, not a one-off.
        #expect(notify.waitFor("WATCHDOG=1", count: 3), "watchdog pings: \(notify.count("WATCHDOG=1"))")

        // Two keys applied live, one that needs a restart.
        let original = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "duplicate_window_s = 60", with: "duplicate_window_s = 30")
            .replacingOccurrences(of: "profile = \"bandung-barat\"", with: "profile = \"oku\"")
            .replacingOccurrences(of: "reconnect_max_ms = 400", with: "reconnect_max_ms = 800")
        #expect(edited != original)
        try edited.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.process.signal(SIGHUP)
        #expect(
            waitForLog(daemon, timeout: .seconds(30)) { $0.contains("configuration reloaded") } != nil,
            "stderr: \(daemon.process.errors.suffix(10))")
        let reloaded = try #require(daemon.process.errors.first { $0.contains("configuration reloaded") })
        // The "oku" profile's own windows differ too, so they are listed between these two.
        #expect(reloaded.contains("applied=policy.profile,"), "\(reloaded)")
        #expect(reloaded.contains("policy.duplicate_window_s"), "\(reloaded)")
        #expect(reloaded.contains("restart_needed=scanner.reconnect_max_ms"))
        // Logged just after the line above.
        #expect(
            waitForLog(daemon, timeout: .seconds(10)) {
                $0.contains("changed keys need a restart to take effect: scanner.reconnect_max_ms")
            } != nil)
        #expect(notify.waitFor("READY=1", count: 2), "no READY=1 after the reload: \(notify.messages)")
        #expect(notify.count("RELOADING=1") == 1)
        #expect(notify.messages.contains { $0.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") })
        // The API reports what the daemon now runs with, not what it started with.
        #expect(try daemon.client.status().profile == "oku")

        // A bad file: reported with file, line and key; the daemon runs on.
        try (edited + "\n[output]\nlog_level = \"loud\"\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.process.signal(SIGHUP)
        let failure = waitForLog(daemon, timeout: .seconds(30)) { $0.contains("configuration reload failed") }
        #expect(failure?.contains("\(daemon.configPath):") == true, "stderr: \(daemon.process.errors.suffix(10))")
        #expect(failure?.contains("output.log_level") == true)
        #expect(notify.waitFor("READY=1", count: 3))
        #expect(daemon.process.process.isRunning)
        let pings = notify.count("WATCHDOG=1")
        #expect(notify.waitFor("WATCHDOG=1", count: pings + 2), "watchdog stopped after the reloads")

        // SIGTERM: out within 5 s, cleanly, having said STOPPING=1.
        let start = ContinuousClock.now
        daemon.process.signal(SIGTERM)
        let exitStatus = daemon.process.waitForExit(timeout: .seconds(20))
        let took = ContinuousClock.now - start
        #expect(exitStatus == 0, "stderr: \(daemon.process.errors.suffix(10))")
        #expect(took <= .seconds(5), "stopping took \(took)")
        #expect(notify.waitFor("STOPPING=1", timeout: .seconds(5)))
    }

    /// Waits for a stderr line; the logs are where reload results go.
    func waitForLog(_ daemon: DaemonUnderTest, timeout: Duration, _ predicate: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let line = daemon.process.errors.first(where: predicate) { return line }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return nil
    }
}
