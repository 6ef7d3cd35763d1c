import Foundation
import HadirCore
import Testing

/// The printed monthly report is a real page: chromium prints the HTML to PDF, pdftoppm rasterises
/// page 1, and the page has ink; pdftotext finds the header and the employee in it.
@Suite(
    .enabled(
        if: PDFRenderer.shouldRun,
        "chromium or poppler-utils is not installed (and CI is not set): skipped. Run `make deps` (apt: chromium poppler-utils)"))
struct ReportPDFSystemTests {
    static func report() -> MonthlyReport {
        let offset: Int32 = 7 * 3600
        let punches = [(1, "2026-11-23 07:45:00"), (2, "2026-11-23 16:30:00"), (3, "2026-11-24 07:20:00")].map { seq, text in
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0)! }
            let utc = LocalDateTime(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
                .utcMilliseconds(offsetSeconds: offset)
            let draft = PunchDraft(
                deviceSerial: "HDRTEST0001", pin: try! EmployeePIN("1001"),
                clock: ClockReading(utcMilliseconds: utc, monotonicNanoseconds: 0, bootID: "b", quality: .synced),
                zoneOffsetSeconds: offset, verify: .fingerprint, state: .checkIn, classification: .onTime)
            return Punch(seq: Int64(seq), draft: draft, previousHash: [], hash: [UInt8](repeating: UInt8(seq), count: 32))
        }
        let generated = LocalDateTime(year: 2026, month: 12, day: 1, hour: 8, minute: 0, second: 0).utcMilliseconds(offsetSeconds: offset)
        return MonthlyReport(
            month: ReportMonth(year: 2026, month: 11)!, punches: punches,
            employees: [
                Employee(pin: try! EmployeePIN("1001"), name: "Siti Aminah"), Employee(pin: try! EmployeePIN("1002"), name: "Budi"),
            ],
            profile: .bandungBarat,
            settings: ReportSettings(officeName: "Dinas Uji", headOfOffice: "Drs. Ahmad", headOfOfficeNIP: "196501011990031001"),
            deviceSerial: "HDRTEST0001", generatedAtUTCMilliseconds: generated)
    }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: executable, arguments: arguments)
        let status = process.waitForExit(timeout: .seconds(30))
        return (status, process.output, process.errors)
    }

    @Test(.timeLimit(.minutes(1))) func printedReportHasInkOnPageOneAndTheHeaderText() throws {
        let chromium = try #require(PDFRenderer.chromium, "chromium is not installed: make deps")
        let dir = try TemporaryDirectory("report-pdf")
        defer { dir.remove() }
        let html = dir.path + "/laporan.html"
        try MonthlyReportHTML.render(Self.report(), language: .indonesian).write(toFile: html, atomically: true, encoding: .utf8)

        let pdf = dir.path + "/laporan.pdf"
        let printed = try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir.path)/profile",
                "--print-to-pdf=\(pdf)", "file://\(html)",
            ])
        #expect(printed.status == 0, "\(printed.errors.suffix(10))")
        let pdfSize = (try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        #expect(pdfSize > 1_000)

        // Page 1 as PNG (what the issue asks for) and as PGM (trivial to read here).
        let png = try run(PDFRenderer.pdftoppm, ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, dir.path + "/page"])
        #expect(png.status == 0, "\(png.errors)")
        let pngSize = (try FileManager.default.attributesOfItem(atPath: dir.path + "/page.png")[.size] as? Int) ?? 0
        #expect(pngSize > 1_000)
        let gray = try run(PDFRenderer.pdftoppm, ["-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, dir.path + "/page"])
        #expect(gray.status == 0, "\(gray.errors)")
        let page = try PortableGraymap(Data(contentsOf: URL(fileURLWithPath: dir.path + "/page.pgm")))
        // A4 at 50 dpi is about 413 x 585 pixels.
        #expect((400...430).contains(page.width) && (570...600).contains(page.height), "\(page.width)x\(page.height)")
        let inked = page.pixels.filter { $0 < 128 }.count
        #expect(inked > 2_000, "only \(inked) dark pixels on page 1")

        let text = try run(PDFRenderer.pdftotext, ["-layout", pdf, "-"])
        #expect(text.status == 0)
        let all = text.output.joined(separator: "\n")
        for expected in ["Laporan Kehadiran Bulanan", "Dinas Uji", "Siti Aminah", "Kepala Kantor", "Drs. Ahmad", "WIB", "HDRTEST0001"] {
            #expect(all.contains(expected), "\(expected) not in the PDF text")
        }
        // One A4 sheet per employee, the signature block on the same page as the table.
        let pages = try run(PDFRenderer.pdftotext, ["-f", "2", "-l", "2", pdf, "-"])
        #expect(pages.output.joined().contains("Budi"))
        let info = try run(PDFRenderer.pdftotext.replacingOccurrences(of: "pdftotext", with: "pdfinfo"), [pdf])
        #expect(info.output.contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 2") }, "\(info.output)")
    }
}

/// A binary PGM (P5, 8-bit), as `pdftoppm -gray` writes it.
struct PortableGraymap {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        var fields: [String] = []
        var index = 0
        // Magic, width, height, maxval: whitespace-separated, then one whitespace byte.
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
            var field = ""
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) {
                field.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            fields.append(field)
        }
        guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255",
            bytes.count >= index + 1 + width * height
        else { throw HarnessError("not an 8-bit P5 graymap: \(fields)") }
        self.width = width
        self.height = height
        pixels = Array(bytes[(index + 1)..<(index + 1 + width * height)])
    }
}
