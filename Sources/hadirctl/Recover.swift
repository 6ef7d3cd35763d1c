import ArgumentParser
import Foundation
import HadirControl
import HadirDaemon
import HadirStore

struct Recover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Salvage the readable punches, employees and finger slots of a quarantined database into the journal.",
        discussion: """
            hadird moves a damaged database aside at start (hadir.sqlite.corrupt-<ms>, named in `hadirctl status`) \
            and starts a fresh one. This asks the running daemon to read the old file row by row and re-append every \
            punch whose contents still match its hash, as new rows that record the original seq, hash and file. \
            Running it again adds nothing. A finger slot is given back only to an employee who has none.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The quarantined file: its name in the state directory, or its path.") var file: String

    func run() throws {
        // A path is sent as an absolute one; a bare name is looked up in the daemon's state directory.
        let target = file.contains("/") ? URL(fileURLWithPath: file).standardizedFileURL.path : file
        let report = try call { () throws(ControlClientError) in try options.client.recover(file: target) }
        if options.json { return Output.json(report) }
        print("recovered from \(report.sourceFile): \(report.summary)")
        if let first = report.firstSeq, let last = report.lastSeq { print("new journal seqs \(first)…\(last)") }
        for problem in report.problems { print("  unreadable: \(problem)") }
    }
}
