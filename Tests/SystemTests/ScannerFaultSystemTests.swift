import Foundation
import HadirControl
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// Faults injected into the simulated module: the daemon reports them, keeps running, and the
/// next scan works. Nothing half-done is left in the journal or the finger table.
@Suite(.serialized) struct ScannerFaultSystemTests {
    /// Taps `finger` until a punch for `pin` arrives; the faulted rounds may swallow a few taps.
    func tapUntilPunch(_ daemon: DaemonUnderTest, _ simulator: Simulator, finger: Int, pin: String) throws -> FeedbackEvent {
        let before = daemon.events.filter { $0.event == .punch }.count
        for _ in 0..<10 {
            try simulator.send("tap \(finger)")
            if let event = try? daemon.waitForEvent(.punch, count: before + 1, timeout: .seconds(2)) { return event }
        }
        throw HarnessError("no punch after 10 taps; events: \(daemon.events.map(\.event.rawValue))")
    }

    @Test func corruptSilentAndNoisyRepliesAreSurvived() throws {
        let dir = try TemporaryDirectory("faults")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0)
        _ = try daemon.enroll(pin: "5001", name: "Yusuf", finger: 61, simulator: simulator)

        for fault in ["checksum", "timeout", "garbage", "checksum 3", "timeout 4"] {
            try simulator.send("fault \(fault)")
            let punch = try tapUntilPunch(daemon, simulator, finger: 61, pin: "5001")
            #expect(punch.pin == "5001", "after fault \(fault)")
        }
        #expect(daemon.process.process.isRunning)
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let punches = try database.punches(pin: nil, fromUTC: nil, toUTC: nil, limit: nil)
        #expect(punches.map(\.seq) == daemon.events.filter { $0.event == .punch }.compactMap(\.seq))
        #expect(try database.verifyChain() == .intact(count: punches.count))
        // The faults are on record for the operator.
        #expect(try database.scanEvents(limit: 1000).contains { $0.kind == "scanner_error" })
    }

    @Test func flashWriteFailureDuringEnrollmentLeavesNoFingerBehind() throws {
        let dir = try TemporaryDirectory("flash")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link)
        try simulator.send("fault flash")
        #expect(throws: ControlClientError.self) {
            try daemon.enroll(pin: "5002", name: "Intan", finger: 62, simulator: simulator)
        }
        // A full library is refused the same way.
        try simulator.send("fault full")
        #expect(throws: ControlClientError.self) {
            try daemon.enroll(pin: "5002", name: "Intan", finger: 62, simulator: simulator)
        }
        // With the faults gone the same enrollment succeeds.
        let result = try daemon.enroll(pin: "5002", name: "Intan", finger: 62, simulator: simulator)
        #expect(result.status == .enrolled)
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        #expect(try database.fingerSlots().map(\.pin.rawValue) == ["5002"])
        // The slot marked before the failed Store was cleaned up, not left as an orphan.
        #expect(try database.orphanSlots().isEmpty)
        #expect(try database.fingerAudit(moduleSlots: nil).isClean)
    }
}
