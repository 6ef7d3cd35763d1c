import Foundation
import HadirDaemon
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The R503 ring through the real hadird and hadir-sim: what `status` says the LED shows.
@Suite(.serialized) struct AuraLedSystemTests {
    /// The LED member of the simulator's status, e.g. `{"colour":"blue","control":"breathe"}` → ("breathe", "blue").
    static func led(_ simulator: Simulator) throws -> (control: String, colour: String)? {
        let status = try simulator.send("status")
        guard let start = status.range(of: #""led":{"#) else { return nil }
        let member = status[start.upperBound...].prefix { $0 != "}" }
        func value(_ key: String) -> String? {
            guard let range = member.range(of: "\"\(key)\":\"") else { return nil }
            return String(member[range.upperBound...].prefix { $0 != "\"" })
        }
        guard let control = value("control"), let colour = value("colour") else { return nil }
        return (control, colour)
    }

    /// Polls the simulator until its LED shows `control` in `colour`.
    static func waitForLed(_ simulator: Simulator, _ control: String, _ colour: String, timeout: Duration = .seconds(20)) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let shown = try led(simulator)
            if shown?.control == control && shown?.colour == colour { return }
            guard ContinuousClock.now < deadline else {
                throw HarnessError("LED never showed \(control) \(colour); last \(String(describing: shown))")
            }
            usleep(5_000)
        }
    }

    @Test func greenAfterAPunchRedAfterAnUnknownFingerThenBlueBreathingAgain() throws {
        let dir = try TemporaryDirectory("led")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link, environment: ["HADIR_SCANNER_LED": "aura"])
        try Self.waitForLed(simulator, "breathe", "blue")
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)

        try simulator.send("tap 11")
        try daemon.waitForEvent(.punch)
        try Self.waitForLed(simulator, "on", "green", timeout: .seconds(5))
        try Self.waitForLed(simulator, "breathe", "blue")
        try simulator.waitForLiftCheck()

        try simulator.send("tap 99")
        try daemon.waitForEvent(.unknownFinger)
        try Self.waitForLed(simulator, "flash", "red", timeout: .seconds(5))
        try Self.waitForLed(simulator, "breathe", "blue")
        #expect(daemon.terminate() == 0)
    }

    @Test func aModuleWithoutTheRingIsLoggedOnceAndPunchesGoOn() throws {
        let dir = try TemporaryDirectory("led-none")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path, extraArguments: ["--no-aura-led"])
        defer { simulator.stop() }
        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link, duplicateWindow: 0,
            environment: ["HADIR_SCANNER_LED": "aura"])
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        for count in 1...2 {
            try simulator.send("tap 11")
            try daemon.waitForEvent(.punch, count: count)
            try simulator.waitForLiftCheck()
        }
        #expect(try Self.led(simulator) == nil)
        #expect(daemon.terminate() == 0)
        #expect(daemon.process.errors.filter { $0.contains("no ring LED") }.count == 1)
    }
}
