import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// hadird with a fake sync-state file: a kiosk that boots unsynced, takes a punch, and learns an
/// hour later... that its clock ran an hour ahead. The punch is corrected by a new row.
@Suite(.serialized) struct ClockIntegritySystemTests {
    /// Polls the daemon's status until `condition` holds (the clock poll runs every 2 s).
    func waitForStatus(_ daemon: DaemonUnderTest, timeout: Duration = .seconds(20), _ condition: (StatusReport) -> Bool) throws
        -> StatusReport
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try daemon.client.status()
            if condition(status) || ContinuousClock.now > deadline { return status }
            usleep(200_000)
        }
    }

    @Test func anUnsyncedPunchGetsACorrectionRowWhenSyncArrives() throws {
        let dir = try TemporaryDirectory("clock")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let syncFile = dir.path + "/sync-state"
        try "unsynced\n".write(toFile: syncFile, atomically: true, encoding: .utf8)
        let daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, extraConfig: "\n[clock]\nsync_state_file = \"\(syncFile)\"\n")

        #expect(try daemon.waitForEvent(.clockUnsynced).message == "Jam belum sinkron")
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        try simulator.send("tap 11")
        let punch = try daemon.waitForEvent(.punch)
        #expect(punch.detail == "clock unsynced")
        var status = try waitForStatus(daemon) { $0.clock?.unsyncedPunches == 1 }
        #expect(status.clockQuality == "unsynced")
        #expect(status.clock?.synced == false)
        #expect(status.clock?.message == "Jam belum sinkron")
        #expect(status.clock?.unsyncedPunches == 1)

        // Sync arrives: the true time is an hour behind the board's clock.
        try "synced -3600000\n".write(toFile: syncFile, atomically: true, encoding: .utf8)
        let synced = try daemon.waitForEvent(.clockSynced)
        #expect(synced.message == "Jam sudah sinkron")
        #expect(synced.detail == "source file, 1 punch(es) corrected")
        status = try daemon.client.status()
        #expect(status.clockQuality == "synced")
        #expect(status.clock?.synced == true)
        #expect(status.clock?.source == "file")
        #expect(status.clock?.corrections == 1)
        #expect(status.clock?.unsyncedPunches == 0)
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let rows = try database.punches(afterSeq: 0, limit: 10)
        try database.close()
        #expect(rows.count == 2)
        if let original = rows.first, let correction = rows.last, rows.count == 2 {
            // The original is untouched: the hash announced at the door still matches it.
            #expect(original.seq == punch.seq && original.hash.hexString == punch.hash)
            #expect(original.draft.clock.quality == .unsynced)
            #expect(correction.draft.correctsSeq == original.seq)
            #expect(correction.draft.clock.quality == .corrected)
            #expect(abs(correction.utcMilliseconds - (original.utcMilliseconds - 3_600_000)) < 1_000)
        }
        let verify = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state, "verify-journal"])
        #expect(verify.waitForExit() == 0)
        #expect(verify.output.first?.hasPrefix("journal intact: 2 punches") == true, "\(verify.output) \(verify.errors)")
    }
}
