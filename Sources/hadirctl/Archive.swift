import ArgumentParser
import Foundation
import HadirCore
import HadirDaemon
import HadirStore

/// The archive of device-log clears. Read-only, straight from the database like `punches`: a clear
/// only hid punches from device views, so they can always be listed and exported again.
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List clears of the device log, or export the punches a clear hid as CSV.",
        discussion: """
            Clears (a pull client's CLEAR_ATTLOG, a server's CLEAR LOG) never delete punches: they move \
            the watermark above which device views count. Every clear is archived with the seq range it hid.
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("Print the punches clear <id> hid, as CSV.", valueName: "id")) var export: Int64?
    @Flag(name: .customLong("export-all"), help: "Print the punches every clear hid, as CSV.") var exportAll = false

    func validate() throws {
        if export != nil, exportAll { throw ValidationError("use either --export <id> or --export-all") }
    }

    func run() throws {
        let database = try openDatabase(options)
        let clears = try database.pullClears()
        if exportAll || export != nil {
            if let export, !clears.contains(where: { $0.id == export }) { throw Output.fail("no clear with id \(export)") }
            for line in ArchiveCSV.lines(try database.clearedPunches(clearID: export)) { print(line) }
            return
        }
        // Times are local to the kiosk: its zone is the one its latest punch was recorded in.
        let offset = try database.lastPunch()?.draft.zoneOffsetSeconds ?? IndonesianZone.wib.offsetSeconds
        let rows = clears.map { ClearRow($0, offsetSeconds: offset) }
        if options.json { return Output.json(rows) }
        Output.table(
            ["ID", "WHEN", "PEER", "FROM", "THROUGH", "CLEARED", "REMAINING", "ACTOR"],
            rows.map {
                [
                    String($0.id), $0.localTime, $0.peer, String($0.fromSeq), String($0.throughSeq), String($0.cleared),
                    String($0.remaining), $0.actor,
                ]
            })
        print("\(rows.count) clear(s)")
    }
}

/// A clear as `archive --json` prints it.
struct ClearRow: Codable {
    var id: Int64
    var atMilliseconds: Int64
    var localTime: String
    var peer: String
    /// Exclusive: the watermark before the clear.
    var fromSeq: Int64
    var throughSeq: Int64
    var cleared: Int
    var remaining: Int
    var actor: String

    init(_ record: PullClearRecord, offsetSeconds: Int32) {
        id = record.id
        atMilliseconds = record.atMilliseconds
        localTime = LocalDateTime(utcMilliseconds: record.atMilliseconds, offsetSeconds: offsetSeconds).description
        peer = record.peer
        fromSeq = record.fromSeq
        throughSeq = record.throughSeq
        cleared = record.cleared
        remaining = record.remaining
        actor = record.actor
    }

    enum CodingKeys: String, CodingKey {
        case id, peer, cleared, remaining, actor
        case atMilliseconds = "at_ms"
        case localTime = "local_time"
        case fromSeq = "from_seq"
        case throughSeq = "through_seq"
    }
}

/// `archive --export` output: one header line, then one line per punch in seq order.
enum ArchiveCSV {
    static let header = "seq,pin,local_time,utc,state,verify,clock_quality"

    static func lines(_ punches: [Punch]) -> [String] {
        [header]
            + punches.map { punch in
                let row = PunchRow(punch, name: nil)
                return [
                    String(row.seq), row.pin, row.localTime, utcText(row.utcMilliseconds), String(row.state), String(row.verify),
                    row.clockQuality,
                ]
                .map(field).joined(separator: ",")
            }
    }

    /// ISO 8601 in UTC with milliseconds: "2025-01-06T01:00:00.000Z".
    static func utcText(_ milliseconds: Int64) -> String {
        let civil = LocalDateTime(utcMilliseconds: milliseconds, offsetSeconds: 0).description
        let fraction = String(((milliseconds % 1000) + 1000) % 1000)
        return civil.replacingOccurrences(of: " ", with: "T") + "." + String(repeating: "0", count: 3 - fraction.count)
            + fraction + "Z"
    }

    /// RFC 4180 quoting, only where needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
