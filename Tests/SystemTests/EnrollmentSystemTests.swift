import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Re-enrollment and technician operations through the daemon, checked on the module itself.
@Suite(.serialized) struct EnrollmentSystemTests {
    /// The simulator's library as slot → virtual finger.
    func moduleLibrary(_ simulator: Simulator) throws -> [Int: Int] {
        let reply = try simulator.send("library")
        let json = try JSONSerialization.jsonObject(with: Data(reply.dropFirst(3).utf8)) as? [String: Any]
        let slots = json?["slots"] as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: slots.compactMap { entry in
                guard let slot = entry["slot"] as? Int, let finger = entry["finger"] as? Int else { return nil }
                return (slot, finger)
            })
    }

    @Test func replaceStoresTheNewFingerThenDeletesTheOldSlotAndAudits() throws {
        let dir = try TemporaryDirectory("replace")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link)

        let first = try daemon.enroll(pin: "4001", name: "Wulan", finger: 51, simulator: simulator)
        let oldSlot = try #require(first.slot)
        #expect(try moduleLibrary(simulator) == [Int(oldSlot): 51])

        let replaced = try daemon.enroll(pin: "4001", name: "Wulan", finger: 52, simulator: simulator, replace: true)
        #expect(replaced.status == .reEnrolled)
        #expect(replaced.replacedSlot == oldSlot)
        let newSlot = try #require(replaced.slot)
        #expect(newSlot != oldSlot)
        #expect(try moduleLibrary(simulator) == [Int(newSlot): 52])

        // The old finger no longer identifies anyone; the new one does.
        try simulator.send("tap 51")
        try daemon.waitForEvent(.unknownFinger)
        try simulator.waitForLiftCheck()
        // A tap that lands while the kiosk still waits for the last finger to leave is taken as
        // that finger (the simulator's tap cannot be timed against the release poll): tap again
        // then. The new finger must punch, and the old one's unknown stays the only one.
        try simulator.send("tap 52")
        if (try? daemon.waitForEvent(.punch, timeout: .seconds(5))) == nil {
            try simulator.waitForLiftCheck()
            try simulator.send("tap 52")
        }
        #expect(try daemon.waitForEvent(.punch).pin == "4001")
        #expect(daemon.events.filter { $0.event == .unknownFinger }.count == 1)

        // Deleting the finger removes it from the module too.
        try daemon.client.deleteFinger(pin: "4001")
        #expect(try moduleLibrary(simulator).isEmpty)
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let actions = try database.auditLog().map(\.action.rawValue)
        #expect(actions.contains("re-enroll"))
        #expect(actions.contains("delete-finger"))
        #expect(try database.orphanSlots().isEmpty)
        #expect(try database.fingerAudit(moduleSlots: []).isClean)
    }

    @Test func readyIsSentToSystemdOnlyOnceTheControlSocketListens() throws {
        let dir = try TemporaryDirectory("notify")
        defer { dir.remove() }
        let notifyPath = dir.path + "/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(notifyPath.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let process = try ManagedProcess(
            executable: Binaries.path("hadird"), arguments: ["--defaults"],
            environment: [
                "NOTIFY_SOCKET": notifyPath, "HADIR_DEVICE_STATE_DIR": dir.path + "/state",
                "HADIR_SCANNER_PATH": dir.path + "/no-scanner-here",
            ])
        // STATUS= lines may come first (systemd shows them while the unit is activating).
        var message = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !message.hasPrefix("READY=1") {
            let count = recv(fd, &buffer, buffer.count, 0)
            try #require(count > 0, "no READY=1 from hadird; last message: \(message)")
            message = String(decoding: buffer[..<count], as: UTF8.self)
        }
        // READY means hadirctl works, even with the scanner unplugged.
        let status = try DaemonControlClient(socketPath: dir.path + "/state/control.sock").status()
        #expect(status.scanner.connected == false)
        process.signal(SIGTERM)
        #expect(process.waitForExit() == 0)
    }
}
