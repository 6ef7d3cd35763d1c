import Foundation
import HadirControl
import HadirCore
import HadirDaemon
import Testing

/// The monthly report from a real daemon: punches through the simulated scanner on a fixed clock,
/// then the CSV and the HTML through `hadirctl report` and the API.
@Suite(.serialized) struct ReportSystemTests {
    static let reportConfig = """

        [report]
        office_name = "Dinas <Uji>"
        head_of_office = "Drs. Ahmad"
        head_of_office_nip = "196501011990031001"
        holidays = ["2026-11-27"]

        """

    func hadirctl(_ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: arguments)
        let status = process.waitForExit()
        return (status, process.output, process.errors)
    }

    @Test func reportOfAPunchedMonthThroughHadirctlAndTheAPI() throws {
        let dir = try TemporaryDirectory("report")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"

        // Monday 2026-11-23 (WIB, bandung-barat: late after 07:30, out from 16:00): Siti arrives late.
        var daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-11-23 07:45", duplicateWindow: 0,
            extraConfig: Self.reportConfig)
        #expect(try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator).status == .enrolled)
        #expect(try daemon.enroll(pin: "1002", name: "Budi", finger: 12, simulator: simulator).status == .enrolled)
        try simulator.send("tap 11")
        _ = try daemon.waitForEvent(.punch)
        #expect(daemon.terminate() == 0)

        // The same afternoon she leaves on time.
        daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-11-23 16:30", duplicateWindow: 0,
            extraConfig: Self.reportConfig)
        try simulator.send("tap 11")
        _ = try daemon.waitForEvent(.punch)
        #expect(daemon.terminate() == 0)

        // Reports are made on day 1-5 of the next month: no --month means November.
        daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, simulatedStart: "2026-12-02 08:00", extraConfig: Self.reportConfig)
        defer { _ = daemon.terminate() }

        let csvPath = dir.path + "/laporan.csv"
        let csv = try hadirctl(["--state", state, "report", "--out", csvPath])
        #expect(csv.status == 0, "\(csv.errors)")
        let lines = try String(contentsOfFile: csvPath, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == MonthlyReportCSV.header.joined(separator: ","))
        // Two employees: 30 day rows and a total row each.
        #expect(lines.count == 1 + 2 * 31)
        let monday = try #require(lines.first { $0.hasPrefix("day,1001,Siti,2026-11-23,") })
        let cells = monday.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[4] == "mon" && cells[5] == "working")
        #expect(cells[6].hasPrefix("07:45:") && cells[7].hasPrefix("16:30:"))
        #expect(cells[8] == "15" && cells[9] == "0")
        #expect(cells[10...13] == ["0", "0", "0", "2"])
        // 21 weekdays, one of them (the 27th) a holiday; Siti came once.
        #expect(lines.contains("total,1001,Siti,2026-11,,,,,15,0,0,0,19,2,20,1,19,0.03"))
        #expect(lines.contains("total,1002,Budi,2026-11,,,,,0,0,0,0,20,0,20,0,20,0.00"))
        #expect(lines.contains { $0.hasPrefix("day,1002,Budi,2026-11-27,fri,holiday,") })

        let htmlPath = dir.path + "/laporan.html"
        let html = try hadirctl(["--state", state, "report", "--month", "2026-11", "--format", "html", "--out", htmlPath])
        #expect(html.status == 0, "\(html.errors)")
        let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
        for expected in [
            "Laporan Kehadiran Bulanan", "Dinas &lt;Uji&gt; — Kabupaten Bandung Barat", "November 2026", "WIB (Asia/Jakarta)",
            "2026-12-02 08:0", "HDRTEST0001", "seq 1–2 (2)", "Kepala Kantor", "Drs. Ahmad", "NIP 196501011990031001", "Siti", "Budi",
        ] {
            #expect(page.contains(expected), "\(expected) not in the page")
        }

        // JSON through the API; bad query values are 400s naming the parameter.
        let json = try JSONSerialization.jsonObject(with: Data(try daemon.client.report(month: "2026-11", format: "json")))
        let object = try #require(json as? [String: Any])
        #expect(object["month"] as? String == "2026-11")
        #expect((object["journal"] as? [String: Any])?["last_seq"] as? Int == 2)
        for (month, format, parameter) in [("2026-13", "csv", "month"), ("2026-11", "pdf", "format")] {
            do {
                _ = try daemon.client.report(month: month, format: format)
                Issue.record("\(month) \(format) was accepted")
            } catch .refused(let status, let message) {
                #expect(status == 400)
                #expect(message.contains(parameter), "\(message)")
            } catch {
                Issue.record("\(error)")
            }
        }
        let refused = try hadirctl(["--state", state, "report", "--month", "November"])
        #expect(refused.status != 0)
    }
}
