import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct ReportConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-report-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ report: String, environment: [String: String] = [:]) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)\"\n[report]\n\(report)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: environment)
    }

    func error(_ report: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(report, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreMondayToFridayWithoutHolidaysOrSigner() throws {
        let report = try load("").report
        #expect(report.workingDays == Weekday.mondayToFriday)
        #expect(report.holidays.isEmpty)
        #expect(report.officeName.isEmpty && report.headOfOffice.isEmpty && report.headOfOfficeNIP.isEmpty)
    }

    @Test func everyKeyIsRead() throws {
        let report = try load(
            """
            working_days = ["mon", "tue", "wed", "thu", "fri", "sat"]
            holidays = ["2026-12-25", "2026-12-26"]
            office_name = "Dinas Kependudukan"
            head_of_office = "Drs. H. Ahmad, M.Si."
            head_of_office_nip = "19650101 199003 1 001"
            """
        ).report
        #expect(report.workingDays == Weekday.mondayToFriday.union([.saturday]))
        #expect(report.holidays == [LocalDate(year: 2026, month: 12, day: 25)!, LocalDate(year: 2026, month: 12, day: 26)!])
        #expect(report.officeName == "Dinas Kependudukan")
        #expect(report.headOfOffice == "Drs. H. Ahmad, M.Si.")
        #expect(report.headOfOfficeNIP == "19650101 199003 1 001")
    }

    @Test func badValuesNameTheFileLineAndKey() {
        let weekday = error("office_name = \"x\"\nworking_days = [\"mon\", \"funday\"]\n")
        #expect(weekday?.line == 5)
        #expect(weekday?.key == "report.working_days")
        #expect(weekday?.reason.contains("funday") == true)
        #expect(weekday?.file.hasSuffix("hadird.toml") == true)

        let holiday = error("holidays = [\"2026-02-30\"]\n")
        #expect(holiday?.line == 4)
        #expect(holiday?.key == "report.holidays")
        #expect(holiday?.reason.contains("2026-02-30") == true)

        #expect(error("working_days = []\n")?.key == "report.working_days")
        #expect(error("head_of_office_nip = \"NIP-123\"\n")?.key == "report.head_of_office_nip")
        #expect(error("office_name = 7\n")?.reason.contains("string") == true)
        #expect(error("head_of_office = \"a\\nb\"\n")?.key == "report.head_of_office")
    }

    @Test func environmentOverridesWithCommaSeparatedLists() throws {
        let report = try load(
            "", environment: ["HADIR_REPORT_WORKING_DAYS": "mon,tue", "HADIR_REPORT_HOLIDAYS": "2026-08-17"]
        ).report
        #expect(report.workingDays == [.monday, .tuesday])
        #expect(report.holidays == [LocalDate(year: 2026, month: 8, day: 17)!])
        #expect(error("", environment: ["HADIR_REPORT_HOLIDAYS": "17-08-2026"])?.key == "HADIR_REPORT_HOLIDAYS")
    }

    @Test func reportKeysReloadLive() throws {
        let running = try load("")
        let loaded = try load("holidays = [\"2026-12-25\"]\nhead_of_office = \"Ahmad\"\n")
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied.sorted() == ["report.head_of_office", "report.holidays"])
        #expect(plan.restartNeeded.isEmpty)
        #expect(plan.effective.report.headOfOffice == "Ahmad")
    }
}
