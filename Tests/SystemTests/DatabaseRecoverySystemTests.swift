import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// A database damaged while hadird was down: quarantined at start with the incident recorded and
/// alerted, then salvaged by `hadirctl recover` through the running daemon (decision 0012).
@Suite struct DatabaseRecoverySystemTests {
    func hadirctl(_ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: arguments)
        let status = process.waitForExit()
        return (status, process.output, process.errors)
    }

    @Test func aDamagedDatabaseIsQuarantinedAtStartAndRecoverSalvagesItsReadablePunches() throws {
        let dir = try TemporaryDirectory("salvage")
        defer { dir.remove() }
        let state = dir.path + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let original = try HadirDatabase.open(path: state + "/hadir.sqlite")
        try original.upsertUser(Employee(pin: try EmployeePIN("1001"), name: "Siti"), actor: "test")
        let start = LocalDateTime(year: 2026, month: 11, day: 23, hour: 7, minute: 0, second: 0).utcMilliseconds(offsetSeconds: 25_200)
        let punches = try original.append(
            contentsOf: (0..<240).map { index in
                PunchDraft(
                    deviceSerial: "HDRTEST0001", pin: try EmployeePIN("1001"),
                    clock: ClockReading(
                        utcMilliseconds: start + Int64(index) * 60_000, monotonicNanoseconds: UInt64(index), bootID: "b", quality: .synced),
                    zoneOffsetSeconds: 25_200, verify: .fingerprint, state: .checkIn, classification: .onTime)
            })
        try original.close()
        try Self.overwritePage(containing: punches[119].hash, in: state + "/hadir.sqlite")

        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: dir.path + "/none", waitForScanner: false)
        let alert = try daemon.waitForEvent(.databaseQuarantined)
        let file = try #require(alert.detail)
        #expect(file.hasPrefix(state + "/hadir.sqlite.corrupt-"))
        #expect(alert.message == "Basis data rusak telah diganti — hubungi operator")
        #expect(daemon.process.errors.contains { $0.contains("database is damaged") })
        #expect(try daemon.client.status().storage?.quarantined?.file == file)

        let name = URL(fileURLWithPath: file).lastPathComponent
        let recovered = try hadirctl(["--state", state, "recover", name, "--json"])
        #expect(recovered.status == 0, "\(recovered.errors)")
        let report = try JSONDecoder().decode(SalvageReport.self, from: Data(recovered.output.joined().utf8))
        #expect(report.salvaged > 200 && report.unreadable > 0, "\(report)")
        #expect(report.salvaged + report.unreadable == punches.count)
        #expect(report.usersAdded == 1)
        #expect(try daemon.client.status().storage?.quarantined?.recovered == report.summary)

        let again = try hadirctl(["--state", state, "recover", file])
        #expect(again.output.first?.contains(": 0 salvaged, \(report.salvaged) already present") == true, "\(again.output)")
        let outside = try hadirctl(["--state", state, "recover", "/etc/passwd"])
        #expect(outside.status == 1)
        #expect(outside.errors.first?.contains("is not a quarantined database") == true, "\(outside.errors)")
        #expect(daemon.terminate() == 0)

        let verify = try hadirctl(["--state", state, "verify-journal"])
        #expect(verify.status == 0, "\(verify.output)")
        let journal = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        #expect(try journal.punchCount() == report.salvaged)
    }

    /// A page of garbage where a punch's hash was: what a failing SD card leaves.
    static func overwritePage(containing marker: [UInt8], in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let pageSize = 4096
        guard
            let offset = (0...(bytes.count - marker.count)).first(where: {
                bytes[$0] == marker[0] && Array(bytes[$0..<$0 + marker.count]) == marker
            })
        else {
            throw HarnessError("marker not found in \(path)")
        }
        let page = offset / pageSize
        for index in page * pageSize..<min((page + 1) * pageSize, bytes.count) {
            bytes[index] = UInt8(truncatingIfNeeded: index &* 131 &+ 7)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
