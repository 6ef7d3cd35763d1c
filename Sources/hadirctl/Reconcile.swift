import ArgumentParser
import Foundation
import HadirControl
import HadirCore
import HadirDaemon
import HadirStore

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Per-day punch counts and digests for comparing with the server's counts (days 1-4 of the month).")
    @OptionGroup var options: GlobalOptions
    @Option(help: "First local date (YYYY-MM-DD).") var from: String
    @Option(help: "Last local date, inclusive (YYYY-MM-DD).") var to: String

    @Flag(help: "Read <state>/hadir.sqlite directly: for a stopped daemon or a copied file.") var offline = false

    func run() throws {
        let tallies: [DailyTally]
        if offline {
            do {
                tallies = try PunchQuery(from: from, to: to).dailyTallies(in: try openDatabase(options))
            } catch let error as PunchQueryError {
                throw Output.fail(error.description, code: 64)
            }
        } else {
            tallies = try call { () throws(ControlClientError) in try options.client.reconcile(from: from, to: to) }
        }
        if options.json { return Output.json(tallies) }
        Output.table(
            ["DATE", "PUNCHES", "SEQ", "DIGEST"],
            tallies.map { [$0.date, String($0.count), "\($0.firstSeq)-\($0.lastSeq)", String($0.digest.prefix(16)) + "…"] })
        print("\(tallies.reduce(0) { $0 + $1.count }) punch(es) on \(tallies.count) day(s)")
    }
}
