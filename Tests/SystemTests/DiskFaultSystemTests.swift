import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Disk faults against the real processes (DESIGN §7.6, decision 0012): a state directory on a
/// tmpfs that really fills up or is mounted read-only.
@Suite(
    .serialized,
    .enabled(
        if: TmpfsMount.allowed,
        "mounting a tmpfs needs root (CAP_SYS_ADMIN) and CI is not set: skipped. Run as root, or set CI=1 to make it fail instead"))
struct DiskFaultSystemTests {
    func hadirctl(_ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: arguments)
        let status = process.waitForExit()
        return (status, process.output, process.errors)
    }

    @Test func aFullDiskRefusesThePunchAndTheFirstPunchAfterFreeingSpaceIsStored() throws {
        let dir = try TemporaryDirectory("diskfull")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let disk = try TmpfsMount(at: state, size: "3m")
        defer { disk.unmount() }
        let daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-11-23 07:10",
            extraConfig: "\n[storage]\nwarn_free_mb = 0\ncritical_free_mb = 0\n")
        #expect(try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator).status == .enrolled)

        let filler = TmpfsMount.fill(state)
        try simulator.send("tap 11")
        let refused = try daemon.waitForEvent(.storageFull)
        #expect(refused.message == "Penyimpanan penuh — hubungi operator")
        #expect(refused.pin == "1001")
        #expect(daemon.events.contains { $0.event == .punch } == false)
        let status = try daemon.client.status()
        #expect(status.storage?.level == .full)
        #expect(status.storage?.refusedPunches == 1)
        #expect(daemon.process.errors.contains { $0.contains("the disk is full") })
        try simulator.waitForLiftCheck()

        // Space freed: the next tap is a punch, no restart needed.
        try FileManager.default.removeItem(atPath: filler)
        try simulator.send("tap 11")
        let punch = try daemon.waitForEvent(.punch)
        #expect(punch.seq == 1)
        #expect(punch.message.hasPrefix("Terima kasih, Siti"))
        #expect(try daemon.client.status().storage?.level == .ok)
        #expect(daemon.terminate() == 0)

        let verify = try hadirctl(["--state", state, "verify-journal"])
        #expect(verify.status == 0, "\(verify.output) \(verify.errors)")
        #expect(verify.output.first?.hasPrefix("journal intact: 1 punches") == true, "\(verify.output)")
    }

    @Test func aReadOnlyStateDirectoryStopsHadirdWithExit73AndOneLineNamingIt() throws {
        let dir = try TemporaryDirectory("rostate")
        defer { dir.remove() }
        let state = dir.path + "/state"
        let disk = try TmpfsMount(at: state, size: "1m", readOnly: true)
        defer { disk.unmount() }
        for (stateDirectory, problem) in [(state, "is on a read-only file system"), (state + "/sub", "cannot be created")] {
            let config = dir.path + "/hadird.toml"
            try "[device]\nstate_dir = \"\(stateDirectory)\"\n[scanner]\npath = \"\(dir.path)/none\"\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            let process = try ManagedProcess(executable: Binaries.path("hadird"), arguments: ["--config", config])
            #expect(process.waitForExit() == 73)
            #expect(process.errors.count == 1, "\(process.errors)")
            let line = process.errors.first ?? ""
            #expect(line.hasPrefix("hadird: state directory \(stateDirectory) \(problem)"), "\(line)")
            #expect(line.contains("remount") || line.contains("state_dir"), "\(line)")
        }
    }
}
