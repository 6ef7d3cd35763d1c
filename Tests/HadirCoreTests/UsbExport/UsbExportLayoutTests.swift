import Testing

@testable import HadirCore

@Suite struct UsbExportLayoutTests {
    @Test func namesCarryTheSerialAndMonth() {
        let layout = UsbExportLayout(serial: "HDR2026A01", month: ReportMonth(year: 2026, month: 3)!)
        #expect(layout.folder == ["HADIR", "HDR2026A01", "2026-03"])
        #expect(layout.attlogName == "HDR2026A01_attlog.dat")
        #expect(layout.reportName == "HDR2026A01_laporan_2026-03.csv")
        #expect(layout.proofName == "HDR2026A01_journal_proof_2026-03.json")
    }

    @Test func serialsAreMadeSafeForFAT() {
        #expect(UsbExportLayout.fileSafe("AB-12_x") == "AB-12_x")
        #expect(UsbExportLayout.fileSafe("a/b\\c:d*e?f\"g<h>i|j k") == "a_b_c_d_e_f_g_h_i_j_k")
        #expect(UsbExportLayout.fileSafe("ké") == "k_")
        #expect(UsbExportLayout.fileSafe("..") == "__")
        #expect(UsbExportLayout.fileSafe("") == "UNKNOWN")
    }
}

@Suite struct UsbExportFeedbackTests {
    @Test func theKioskSaysTheStickMayBePulledOut() {
        #expect(KioskFeedback.usbExported.text() == "Data tersalin ke USB — aman dicabut")
        #expect(KioskFeedback.usbExported.text(in: .english) == "Data copied to USB — safe to remove")
        #expect(KioskFeedback.usbExportFailed.text() == "Gagal menyalin ke USB — hubungi operator")
        #expect(KioskFeedback.usbExportFailed.text(in: .english) == "Copying to USB failed — contact the operator")
    }
}
