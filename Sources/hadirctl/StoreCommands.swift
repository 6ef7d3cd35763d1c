import ArgumentParser
import Foundation
import HadirCore
import HadirDaemon
import HadirStore

/// Opens the journal read-only, straight from the state directory: these commands work even when
/// the daemon is down, which is when a technician most needs them.
func openDatabase(_ options: GlobalOptions) throws -> HadirDatabase {
    do {
        return try HadirDatabase.open(path: options.databasePath, readOnly: true)
    } catch {
        throw Output.fail("\(error)")
    }
}

struct Punches: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List recorded punches from the journal.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this employee PIN.") var pin: String?
    @Option(help: "From this local date (YYYY-MM-DD).") var from: String?
    @Option(help: "Up to and including this local date (YYYY-MM-DD).") var to: String?
    @Option(help: "At most this many punches (newest kept).") var limit: Int?

    func run() throws {
        let database = try openDatabase(options)
        let pinFilter: EmployeePIN?
        do {
            pinFilter = try pin.map { try EmployeePIN($0) }
        } catch {
            throw Output.fail("\(error)", code: 64)
        }
        // Dates are local to the kiosk: its zone is the one its latest punch was recorded in.
        let offset = try database.lastPunch()?.draft.zoneOffsetSeconds ?? IndonesianZone.wib.offsetSeconds
        let fromUTC = try from.map { try utcStart(of: $0, offset: offset) }
        let toUTC = try to.map { try utcStart(of: $0, offset: offset) + 86_400_000 }  // exclusive: the next local midnight
        var punches = try database.punches(pin: pinFilter, fromUTC: fromUTC, toUTC: toUTC, limit: nil)
        if let limit, punches.count > limit { punches = Array(punches.suffix(limit)) }
        let names = Dictionary(try database.users().map { ($0.pin, $0.name) }, uniquingKeysWith: { first, _ in first })
        if options.json {
            return Output.json(punches.map { PunchRow($0, name: names[$0.pin]) })
        }
        Output.table(
            ["SEQ", "LOCAL TIME", "PIN", "NAME", "STATUS", "STATE", "VERIFY", "CLOCK"],
            punches.map {
                let row = PunchRow($0, name: names[$0.pin])
                return [
                    String(row.seq), row.localTime, row.pin, row.name ?? "?", row.classification, String(row.state), String(row.verify),
                    row.clockQuality,
                ]
            })
        print("\(punches.count) punch(es)")
    }

    func utcStart(of date: String, offset: Int32) throws -> Int64 {
        guard let start = CalendarDate(date) else { throw Output.fail("\"\(date)\" is not a date like 2026-11-23", code: 64) }
        return LocalDateTime(year: start.year, month: start.month, day: start.day, hour: 0, minute: 0, second: 0).utcMilliseconds(
            offsetSeconds: offset)
    }
}

/// YYYY-MM-DD
struct CalendarDate {
    let year: Int, month: Int, day: Int
    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// UTC milliseconds of this date's local midnight.
    func startUTC(offsetSeconds: Int32) -> Int64 {
        LocalDateTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).utcMilliseconds(offsetSeconds: offsetSeconds)
    }
}

/// A punch as hadirctl prints it.
struct PunchRow: Codable {
    var seq: Int64
    var pin: String
    var name: String?
    var localTime: String
    var utcMilliseconds: Int64
    var zoneOffsetSeconds: Int32
    var classification: String
    var state: UInt8
    var verify: UInt8
    var clockQuality: String
    var hash: String

    init(_ punch: Punch, name: String?) {
        seq = punch.seq
        pin = punch.pin.rawValue
        self.name = name
        localTime = LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: punch.draft.zoneOffsetSeconds).description
        utcMilliseconds = punch.utcMilliseconds
        zoneOffsetSeconds = punch.draft.zoneOffsetSeconds
        classification = punch.draft.classification.rawValue
        state = punch.draft.state.rawValue
        verify = punch.draft.verify.rawValue
        clockQuality = punch.draft.clock.quality.rawValue
        hash = punch.hash.hexString
    }

    enum CodingKeys: String, CodingKey {
        case seq, pin, name, classification, state, verify, hash
        case localTime = "local_time"
        case utcMilliseconds = "utc_ms"
        case zoneOffsetSeconds = "zone_offset_s"
        case clockQuality = "clock_quality"
    }
}

struct VerifyJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-journal", abstract: "Recompute the journal's hash chain; exit 1 at the first bad seq.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let database = try openDatabase(options)
        let verification = try database.verifyChain()
        switch verification {
        case .intact(let count):
            let head = try database.lastPunch()
            if options.json {
                Output.json(JournalVerdict(status: "intact", punches: count, headHash: head?.hash.hexString))
            } else {
                print(
                    Output.green("journal intact: \(count) punches")
                        + (head.map { ", last seq \($0.seq), head \($0.hash.hexString.prefix(16))…" } ?? ""))
            }
        case .broken(let seq, let reason):
            if options.json {
                Output.json(JournalVerdict(status: "broken", firstBadSeq: seq, reason: reason.description))
            } else {
                print(Output.red("journal BROKEN at seq \(seq): \(reason)"))
            }
            throw ExitCode(1)
        }
    }
}

struct AuditFingers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-fingers",
        abstract: "List employees with more than one finger and slots without an employee; exit 1 if any.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let report: FingerAuditPayload
        if let live = try? options.client.call(ControlRequest(op: "audit-fingers"), expecting: FingerAuditPayload.self) {
            report = live
        } else {
            // Daemon down: audit the database alone.
            report = FingerAuditPayload(try openDatabase(options).fingerAudit(moduleSlots: nil))
        }
        let problems = report.problemCount
        if options.json {
            Output.json(report)
        } else {
            if !report.moduleChecked { print("(scanner module not reachable: database checked only)") }
            for (pin, slots) in report.employeesWithMultipleSlots.sorted(by: { $0.key < $1.key }) {
                print(Output.red("employee \(pin) has \(slots.count) fingers: slots \(slots.map(String.init).joined(separator: ", "))"))
            }
            for (slot, pins) in report.slotsWithMultipleEmployees.sorted(by: { $0.key < $1.key }) {
                print(Output.red("slot \(slot) is recorded under \(pins.count) employees: \(pins.joined(separator: ", "))"))
            }
            for slot in report.slotsWithoutEmployee {
                let pending = report.pendingOrphanSlots.contains(slot) ? " (queued for deletion from the module)" : ""
                print(Output.red("slot \(slot) has no employee") + pending)
            }
            for slot in report.slotsMissingOnModule { print(Output.red("slot \(slot) is assigned but missing on the module")) }
            for row in report.unreadableRows { print(Output.red("unreadable row: \(row)")) }
            if problems == 0 { print(Output.green("single-finger rule holds: no problems found")) }
        }
        if problems > 0 { throw ExitCode(1) }
    }
}

/// `verify-journal --json` output.
struct JournalVerdict: Encodable {
    var status: String
    var punches: Int?
    var headHash: String?
    var firstBadSeq: Int64?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case status, punches, reason
        case headHash = "head_hash"
        case firstBadSeq = "first_bad_seq"
    }
}
