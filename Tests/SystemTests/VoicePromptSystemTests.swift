import Foundation
import HadirDaemon
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real hadird speaking through a stand-in player: a script that logs the WAV it was given.
@Suite(.serialized) struct VoicePromptSystemTests {
    static let shippedVoices = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("share/voice").path

    /// 30 s, written so this test's players can be told from any other `sleep`.
    static let slowSleep = "30.0424242"

    /// A player that appends its last argument to `log`, then sleeps `seconds`.
    static func writePlayer(at path: String, log: String, sleepSeconds: String = "0") throws {
        let script = "#!/bin/sh\nfor last; do :; done\necho \"$last\" >> '\(log)'\nexec sleep \(sleepSeconds)\n"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
    }

    static func voiceConfig(player: String, overrideDirectory: String) -> String {
        """

        [voice]
        enabled = true
        player = "\(player) --from-hadird"
        directory = "\(shippedVoices)"
        override_directory = "\(overrideDirectory)"

        """
    }

    /// Waits until the player log has `count` lines.
    static func played(_ log: String, count: Int) throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= count { return lines }
            guard ContinuousClock.now < deadline else { throw HarnessError("the player ran \(lines.count) times, not \(count): \(lines)") }
            usleep(10_000)
        }
    }

    /// Processes whose command line holds `marker` (the slow player's unusual sleep length).
    static func runningPlayers(marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil, let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: command, as: UTF8.self).contains(marker)
        }
    }

    @Test func eachOutcomePlaysItsPromptAndARecordedReplacementWins() throws {
        let dir = try TemporaryDirectory("voice")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let log = dir.path + "/played.log"
        try Self.writePlayer(at: dir.path + "/player.sh", log: log)
        // The office recorded its own "Jari tidak dikenali".
        let recorded = dir.path + "/recorded"
        try FileManager.default.createDirectory(atPath: recorded + "/id", withIntermediateDirectories: true)
        try Data("RIFF".utf8).write(to: URL(fileURLWithPath: recorded + "/id/unknown-finger.wav"))

        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link,
            extraConfig: Self.voiceConfig(player: dir.path + "/player.sh", overrideDirectory: recorded))
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)

        try simulator.send("tap 11")
        try daemon.waitForEvent(.punch)
        try simulator.waitForLiftCheck()
        try simulator.send("tap 11")
        try daemon.waitForEvent(.duplicate)
        try simulator.waitForLiftCheck()
        try simulator.send("tap 99")
        try daemon.waitForEvent(.unknownFinger)

        let played = try Self.played(log, count: 3)
        #expect(
            played == [
                Self.shippedVoices + "/id/punch-recorded.wav", Self.shippedVoices + "/id/already-recorded.wav",
                recorded + "/id/unknown-finger.wav",
            ])
        #expect(daemon.terminate() == 0)
    }

    @Test func aPlayerThatHangsDelaysNoPunch() throws {
        let dir = try TemporaryDirectory("voice-slow")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let log = dir.path + "/played.log"
        // Far longer than the 10 s player timeout: were a punch to wait for it, it would be late.
        try Self.writePlayer(at: dir.path + "/player.sh", log: log, sleepSeconds: Self.slowSleep)
        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link, duplicateWindow: 0,
            extraConfig: Self.voiceConfig(player: dir.path + "/player.sh", overrideDirectory: dir.path + "/none"))
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        _ = try daemon.enroll(pin: "1002", name: "Budi", finger: 12, simulator: simulator)

        try simulator.send("tap 11")
        try daemon.waitForEvent(.punch)
        _ = try Self.played(log, count: 1)
        try simulator.waitForLiftCheck()
        // The first player is still asleep; the next person is served at once anyway.
        let tapped = ContinuousClock.now
        try simulator.send("tap 12")
        let second = try daemon.waitForEvent(.punch, count: 2, timeout: .seconds(8))
        #expect(second.pin == "1002")
        #expect(ContinuousClock.now - tapped < .seconds(8))
        #expect(try Self.played(log, count: 2).count == 2)
        // Stopping does not wait for the sleeping player, and leaves none behind.
        #expect(daemon.terminate() == 0)
        #expect(Self.runningPlayers(marker: Self.slowSleep).isEmpty)
    }
}
