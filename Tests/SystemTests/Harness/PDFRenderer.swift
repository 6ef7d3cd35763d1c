import Foundation

/// chromium and poppler-utils, which the PDF render test uses: `make deps` installs them. Missing
/// ad hoc, the test is skipped saying why; missing under CI, it runs and fails loudly.
enum PDFRenderer {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdftoppm = "/usr/bin/pdftoppm"
    static let pdftotext = "/usr/bin/pdftotext"

    static var isInstalled: Bool {
        chromium != nil && FileManager.default.isExecutableFile(atPath: pdftoppm) && FileManager.default.isExecutableFile(atPath: pdftotext)
    }

    static var shouldRun: Bool {
        isInstalled || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } == true
    }
}
