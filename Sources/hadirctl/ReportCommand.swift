import ArgumentParser
import Foundation
import HadirControl
import HadirDaemon

/// `hadirctl report`: the monthly attendance report ("laporan finger") from the daemon.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The monthly attendance report per employee (CSV, printable HTML or JSON).",
        discussion: """
            Days are read in the kiosk's zone: first in, last out, late and early-leave minutes, missing \
            check-in/out and absences, with totals and late+early in days (7.5 h = 1 day). Print the HTML \
            page to PDF from a browser, or: chromium --headless --print-to-pdf=report.pdf report.html
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The month, YYYY-MM, in the kiosk's zone (default: the previous month).") var month: String?
    @Option(help: "csv, html or json.") var format = "csv"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        guard ["csv", "html", "json"].contains(format) else {
            throw ValidationError("--format must be csv, html or json")
        }
        if let month, month.count != 7 || month.split(separator: "-").count != 2 {
            throw ValidationError("--month must look like 2026-11")
        }
    }

    func run() throws {
        let body = try call { () throws(ControlClientError) in try options.client.report(month: month, format: format) }
        guard let out else {
            FileHandle.standardOutput.write(Data(body))
            return
        }
        do {
            try Data(body).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw Output.fail("cannot write \(out): \(error.localizedDescription)", code: 73)
        }
        FileHandle.standardError.write(Data("wrote \(out) (\(body.count) bytes)\n".utf8))
    }
}
