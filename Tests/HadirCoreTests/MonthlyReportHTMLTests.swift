import HadirCore
import Testing

struct MonthlyReportHTMLTests {
    static func report(name: String, office: String = "Kantor <Uji> & Co") -> MonthlyReport {
        MonthlyReport(
            month: MonthlyReportTests.november, punches: MonthlyReportTests.craftedPunches,
            employees: [Employee(pin: pin("1001"), name: name)], profile: MonthlyReportTests.wita,
            settings: ReportSettings(officeName: office, headOfOffice: "Drs. H. Ahmad", headOfOfficeNIP: "196501011990031001"),
            deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: MonthlyReportTests.afterNovember)
    }

    @Test func pageIsSelfContainedA4WithOneSheetPerEmployee() {
        let html = MonthlyReportHTML.render(Self.report(name: "Siti"), language: .indonesian)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
        // 1001 and the unregistered 77.
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count - 1 == 2)
    }

    @Test func headerAndSignatureInBahasaIndonesia() {
        let html = MonthlyReportHTML.render(Self.report(name: "Siti"), language: .indonesian)
        for expected in [
            "Laporan Kehadiran Bulanan", "November 2026", "WITA (Asia/Makassar)", "2026-12-01 08:00:00 WITA", "HDR-TEST",
            "seq 2–19 (18)", "Kepala Kantor", "Drs. H. Ahmad", "NIP 196501011990031001", "Kabupaten Uji (WITA)", "Selasa",
            "tidak absen pulang", "0.13 hari",
        ] {
            #expect(html.contains(expected), "missing \(expected)")
        }
    }

    @Test func englishWhenTheDeviceSpeaksEnglish() {
        let html = MonthlyReportHTML.render(Self.report(name: "Siti"), language: .english)
        #expect(html.contains("Monthly Attendance Report"))
        #expect(html.contains("Head of Office"))
        #expect(html.contains("no check-out"))
        #expect(html.contains("<html lang=\"en\">"))
    }

    @Test func everyTextIsEscaped() {
        let html = MonthlyReportHTML.render(Self.report(name: "<img src=x onerror=alert(1)>\"'"), language: .indonesian)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"))
        #expect(html.contains("Kantor &lt;Uji&gt; &amp; Co"))
    }

    @Test func emptyReportStillPrintsAHeaderAndSignature() {
        let report = MonthlyReport(
            month: MonthlyReportTests.november, punches: [], employees: [], profile: .bulungan, settings: ReportSettings(),
            deviceSerial: "HDR-TEST", generatedAtUTCMilliseconds: MonthlyReportTests.afterNovember)
        let html = MonthlyReportHTML.render(report, language: .indonesian)
        #expect(html.contains("Tidak ada pegawai."))
        #expect(html.contains("tidak ada presensi"))
        #expect(html.contains("Kepala Kantor"))
    }
}
