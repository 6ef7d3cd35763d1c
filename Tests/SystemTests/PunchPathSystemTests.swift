import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// hadir-sim and hadird as separate processes over a real pty.
@Suite(.serialized) struct PunchPathSystemTests {
    @Test func enrollIdentifyRefusalsDedupeAndLateness() throws {
        let dir = try TemporaryDirectory("punch")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"

        // Morning, on time.
        var daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-11-23 07:10")
        let siti = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        #expect(siti.status == .enrolled)
        let budi = try daemon.enroll(pin: "1002", name: "Budi", finger: 12, simulator: simulator)
        #expect(budi.status == .enrolled)
        #expect(siti.slot != budi.slot)

        // Rahmat presents Siti's finger: refused, naming Siti.
        let stolen = try daemon.enroll(pin: "1003", name: "Rahmat", finger: 11, simulator: simulator)
        #expect(stolen.status == .refused)
        #expect(stolen.ownerPin == "1001")
        #expect(stolen.message.contains("Siti"))
        // Siti asks for a second finger: refused before any scan.
        let second = try daemon.enroll(pin: "1001", name: "Siti", finger: 21, simulator: simulator)
        #expect(second.status == .refused)
        #expect(second.message.contains("sudah punya satu sidik jari"))

        try simulator.send("tap 11")
        let punch = try daemon.waitForEvent(.punch)
        #expect(punch.pin == "1001")
        #expect(punch.classification == "on_time")
        #expect(punch.message.hasPrefix("Terima kasih, Siti — Masuk 07:1"))
        try simulator.waitForLiftCheck()

        // The same finger again within the window: not a new punch.
        try simulator.send("tap 11")
        let duplicate = try daemon.waitForEvent(.duplicate)
        #expect(duplicate.message == "Anda sudah absen")
        try simulator.waitForLiftCheck()

        // An unknown finger is an event, not a punch.
        try simulator.send("tap 99")
        let unknown = try daemon.waitForEvent(.unknownFinger)
        #expect(unknown.message == "Jari tidak dikenali")
        #expect(daemon.terminate() == 0)

        // Restart later in the morning: Budi is late; Siti (already in) leaving now is early. The dedupe
        // window runs on real monotonic time, so it is off here: the simulated clock jumped, not the world.
        daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-11-23 07:45", duplicateWindow: 0)
        try simulator.send("tap 12")
        let late = try daemon.waitForEvent(.punch)
        #expect(late.pin == "1002")
        #expect(late.classification == "late")
        #expect(late.message.contains("terlambat 15 menit"))
        try simulator.waitForLiftCheck()
        try simulator.send("tap 11")
        let early = try daemon.waitForEvent(.punch, count: 2)
        #expect(early.pin == "1001")
        #expect(early.classification == "early_leave")
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let punches = try database.punches(pin: nil, fromUTC: nil, toUTC: nil, limit: nil)
        #expect(punches.map(\.seq) == [1, 2, 3])
        #expect(punches.map(\.pin.rawValue) == ["1001", "1002", "1001"])
        #expect(punches.allSatisfy { $0.draft.clock.quality == .unsynced })
        #expect(try database.verifyChain() == .intact(count: 3))
        #expect(try database.fingerSlots().count == 2)
    }

    @Test func scannerPulledMidIdentifyReconnectsWithoutLosingOrDuplicatingPunches() throws {
        let dir = try TemporaryDirectory("replug")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0)
        _ = try daemon.enroll(pin: "2001", name: "Ayu", finger: 31, simulator: simulator)

        try simulator.send("tap 31")
        try daemon.waitForEvent(.punch)
        try simulator.waitForLiftCheck()
        // Unplug while the daemon is polling for a finger, with a press in flight.
        try simulator.send("tap 31")
        try simulator.send("disconnect 1")
        try daemon.waitForEvent(.scannerDisconnected)
        try daemon.waitForEvent(.scannerConnected, count: 2, timeout: .seconds(30))
        // Counted before the tap: its punch may be reported before the send returns.
        let punchesSeen = daemon.events.filter { $0.event == .punch }.count
        try simulator.send("tap 31")
        try daemon.waitForEvent(.punch, count: punchesSeen + 1)
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let journal = try database.punches(pin: nil, fromUTC: nil, toUTC: nil, limit: nil)
        let fed = daemon.events.filter { $0.event == .punch }
        // Exactly the punches that were acknowledged: none lost, none doubled.
        #expect(journal.map(\.seq) == fed.compactMap(\.seq))
        #expect(journal.map(\.seq) == Array(1...Int64(journal.count)))
        #expect(try database.verifyChain() == .intact(count: journal.count))
    }
}
