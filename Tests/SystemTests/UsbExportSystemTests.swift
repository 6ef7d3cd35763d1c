import Foundation
import HadirDaemon
import Testing

/// `hadirctl export-usb`, byte-checked: the attlog against the journal's punches, the CSV against
/// `hadirctl report`, the proof against `hadirctl journal-proof` (and the offline verifier when the
/// peers' venv is there); the kiosk then says the stick may be pulled out. `--device` runs on a
/// loop-attached vfat image and must leave it unmounted.
@Suite(.serialized)
struct UsbExportSystemTests {
    static let verifier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/verify-journal-proof.py").path
    static let folder = "HADIR/HDRTEST0001/2026-11/"
    static let names = ["HDRTEST0001_attlog.dat", "HDRTEST0001_laporan_2026-11.csv", "HDRTEST0001_journal_proof_2026-11.json"]

    /// A daemon on day 23 of November 2026 with three punches of two employees.
    final class Kiosk {
        let dir: TemporaryDirectory
        let simulator: Simulator
        let daemon: DaemonUnderTest
        var state: String { dir.path + "/state" }

        init() throws {
            dir = try TemporaryDirectory("usb-export")
            simulator = try Simulator(directory: dir.path)
            // Day 23: without --month the current month so far is exported.
            daemon = try DaemonUnderTest(
                stateDirectory: dir.path + "/state", scannerPath: simulator.link, simulatedStart: "2026-11-23 07:10", duplicateWindow: 0)
            _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
            _ = try daemon.enroll(pin: "1002", name: "Budi", finger: 12, simulator: simulator)
            for (count, finger) in [11, 12, 11].enumerated() {
                try simulator.send("tap \(finger)")
                try daemon.waitForEvent(.punch, count: count + 1)
            }
        }

        deinit {
            simulator.stop()
            dir.remove()
        }

        func hadirctl(_ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
            let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state] + arguments)
            let status = process.waitForExit(timeout: .seconds(90))
            return (status, process.output, process.errors)
        }

        /// hadirctl's standard output as bytes, through a file (the harness splits lines).
        func hadirctlBytes(_ arguments: [String], into name: String) throws -> [UInt8] {
            let command = ([Binaries.path("hadirctl"), "--state", state] + arguments).map { "'\($0)'" }.joined(separator: " ")
            try LoopVfatImage.run("/bin/sh", ["-c", command + " > '\(dir.path)/\(name)'"])
            return Array(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + name)))
        }

        /// The three files, keyed by name, compared with what the journal and hadirctl say.
        func expectExported(_ files: [String: [UInt8]]) throws {
            // The attlog, built here from the journal's rows: PIN, local time, state, verify, workcode 0, CRLF.
            let punches = try daemon.client.punches(PunchQuery(from: "2026-11-01", to: "2026-11-30"))
            #expect(punches.count == 3)
            let attlog = punches.map { "\($0.pin)\t\($0.localTime)\t\($0.state)\t\($0.verify)\t0\r\n" }.joined()
            #expect(files[names[0]] == Array(attlog.utf8))

            let report = try hadirctlBytes(["report", "--month", "2026-11", "--format", "csv"], into: "report.csv")
            #expect(!report.isEmpty)
            #expect(files[names[1]] == report)

            let seqs = punches.map(\.seq)
            let proof = try hadirctlBytes(
                ["journal-proof", "--from", "\(seqs.min() ?? 1)", "--to", "\(seqs.max() ?? 1)"], into: "proof.json")
            #expect(files[names[2]] == proof)

            guard ADMSPeer.shouldRun else { return }
            let python = try ADMSPeer.readyPython()
            #expect(try !hadirctlBytes(["export-pubkey"], into: "kiosk.pub").isEmpty)
            let exported = dir.path + "/exported-proof.json"
            try Data(files[names[2]] ?? []).write(to: URL(fileURLWithPath: exported))
            let verifier = try ManagedProcess(
                executable: python, arguments: [UsbExportSystemTests.verifier, exported, dir.path + "/kiosk.pub"])
            #expect(verifier.waitForExit(timeout: .seconds(60)) == 0, "\(verifier.output) \(verifier.errors)")
        }
    }

    @Test func exportIntoAMountedDirectoryIsByteExact() throws {
        let kiosk = try Kiosk()
        let stick = kiosk.dir.path + "/stick"
        try FileManager.default.createDirectory(atPath: stick, withIntermediateDirectories: true)

        let export = try kiosk.hadirctl(["export-usb", "--mountpoint", stick])
        #expect(export.status == 0, "\(export.output) \(export.errors)")
        #expect(export.output.last == "3 punch(es) of 2026-11 written to \(stick)", "\(export.output)")
        let shown = try kiosk.daemon.waitForEvent(.usbExported)
        #expect(shown.message == "Data tersalin ke USB — aman dicabut")
        #expect(shown.detail == "2026-11: " + Self.names.map { Self.folder + $0 }.joined(separator: ", "))

        var files: [String: [UInt8]] = [:]
        for name in Self.names { files[name] = FileManager.default.contents(atPath: stick + "/" + Self.folder + name).map(Array.init) }
        try kiosk.expectExported(files)
        // Only the final names: no temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: stick + "/" + Self.folder).sorted() == Self.names.sorted())

        // The office left an employee list for the next visit: Siti is known, Ani is new.
        try "pin;nama\r\n1001;Siti\r\n1003;Ani Lestari\r\n".write(
            toFile: stick + "/HADIR/HDRTEST0001/HDRTEST0001_users.csv", atomically: true, encoding: .utf8)
        let again = try kiosk.hadirctl(["export-usb", "--mountpoint", stick, "--month", "2026-11"])
        #expect(again.status == 0, "\(again.errors)")
        #expect(
            again.output.contains("users: 1 added or renamed from HADIR/HDRTEST0001/HDRTEST0001_users.csv (2 listed)"), "\(again.output)")
        #expect(try kiosk.daemon.client.users().map { "\($0.pin) \($0.name)" } == ["1001 Siti", "1002 Budi", "1003 Ani Lestari"])
    }

    @Test(.enabled(if: LoopVfatImage.mountSkipReason == nil, "\(LoopVfatImage.mountSkipReason ?? "")"))
    func exportOntoALoopMountedVfatStickIsByteExactAndUnmounted() throws {
        let kiosk = try Kiosk()
        let stick = try LoopVfatImage(at: kiosk.dir.path + "/stick.img")
        defer { stick.detach() }

        let export = try kiosk.hadirctl(["export-usb", "--device", stick.device])
        #expect(export.status == 0, "\(export.output) \(export.errors)")
        #expect(export.output.last == "3 punch(es) of 2026-11; \(stick.device) unmounted, safe to remove", "\(export.output)")
        #expect(!stick.isMounted)
        let shown = try kiosk.daemon.waitForEvent(.usbExported)
        #expect(shown.message == "Data tersalin ke USB — aman dicabut")

        let read = try stick.readFiles(Self.names.map { Self.folder + $0 }, via: kiosk.dir.path + "/ro")
        #expect(!stick.isMounted)
        try kiosk.expectExported(Dictionary(uniqueKeysWithValues: Self.names.map { ($0, read[Self.folder + $0] ?? []) }))
    }

    @Test(.enabled(if: LoopVfatImage.skipReason == nil, "\(LoopVfatImage.skipReason ?? "")"))
    func aStickThatIsNotVfatIsRefusedAndTheKioskSaysSo() throws {
        let dir = try TemporaryDirectory("usb-export-bad")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        // Day 2: the previous month is the one chosen, and named in the failure.
        let daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-12-02 08:00", duplicateWindow: 0)
        let blank = try LoopVfatImage(at: dir.path + "/blank.img", formatted: false)
        defer { blank.detach() }

        let process = try ManagedProcess(
            executable: Binaries.path("hadirctl"), arguments: ["--state", state, "export-usb", "--device", blank.device])
        #expect(process.waitForExit(timeout: .seconds(90)) == 74)
        #expect(process.errors.joined().contains("is not a vfat file system: no 55 AA boot signature"), "\(process.errors)")
        #expect(!blank.isMounted)
        let shown = try daemon.waitForEvent(.usbExportFailed)
        #expect(shown.message == "Gagal menyalin ke USB — hubungi operator")
        #expect(shown.detail?.hasPrefix("2026-11: ") == true, "\(shown.detail ?? "")")
    }
}
