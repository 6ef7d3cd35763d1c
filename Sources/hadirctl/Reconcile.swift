import ArgumentParser
import Foundation
import HadirCore
import HadirStore

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Per-day punch counts and digests for comparing with the server's counts (days 1-4 of the month).")
    @OptionGroup var options: GlobalOptions
    @Option(help: "First local date (YYYY-MM-DD).") var from: String
    @Option(help: "Last local date, inclusive (YYYY-MM-DD).") var to: String

    func run() throws {
        let database = try openDatabase(options)
        let offset = try database.lastPunch()?.draft.zoneOffsetSeconds ?? IndonesianZone.wib.offsetSeconds
        guard let first = CalendarDate(from), let last = CalendarDate(to) else {
            throw Output.fail("--from and --to must be dates like 2026-11-01", code: 64)
        }
        let fromUTC = first.startUTC(offsetSeconds: offset)
        let toUTC = last.startUTC(offsetSeconds: offset) + 86_400_000  // exclusive
        guard fromUTC <= toUTC else { throw Output.fail("--from is after --to", code: 64) }
        let tallies = DailyTally.byLocalDay(
            try database.punches(pin: nil, fromUTC: fromUTC, toUTC: toUTC, limit: nil), offsetSeconds: offset)
        if options.json { return Output.json(tallies) }
        Output.table(
            ["DATE", "PUNCHES", "SEQ", "DIGEST"],
            tallies.map { [$0.date, String($0.count), "\($0.firstSeq)-\($0.lastSeq)", String($0.digest.prefix(16)) + "…"] })
        print("\(tallies.reduce(0) { $0 + $1.count }) punch(es) on \(tallies.count) day(s)")
    }
}
