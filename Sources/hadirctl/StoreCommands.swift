import ArgumentParser
import Foundation
import HadirControl
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
    static let configuration = CommandConfiguration(
        abstract: "List recorded punches (from the daemon; --offline reads the journal file itself).")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this employee PIN.") var pin: String?
    @Option(help: "From this local date (YYYY-MM-DD).") var from: String?
    @Option(help: "Up to and including this local date (YYYY-MM-DD).") var to: String?
    @Option(help: "At most this many punches (newest kept).") var limit: Int?
    @Flag(help: "CSV (RFC 4180) for a spreadsheet instead of a table.") var csv = false
    @Flag(help: "Read <state>/hadir.sqlite directly: for a stopped daemon or a copied file.") var offline = false

    func run() throws {
        let query = PunchQuery(pin: pin, from: from, to: to, limit: limit)
        let rows: [PunchRow]
        if offline {
            do {
                rows = try query.rows(in: try openDatabase(options))
            } catch let error as PunchQueryError {
                throw Output.fail(error.description, code: 64)
            }
        } else if csv {
            return print(try call { () throws(ControlClientError) in try options.client.punchesCSV(query) }, terminator: "")
        } else {
            rows = try call { () throws(ControlClientError) in try options.client.punches(query) }
        }
        if csv { return print(PunchRow.csv(rows), terminator: "") }
        if options.json { return Output.json(rows) }
        Output.table(
            ["SEQ", "LOCAL TIME", "PIN", "NAME", "STATUS", "STATE", "VERIFY", "CLOCK"],
            rows.map { row in
                [
                    String(row.seq), row.localTime, row.pin, row.name ?? "?", row.classification, String(row.state), String(row.verify),
                    row.clockQuality,
                ]
            })
        print("\(rows.count) punch(es)")
    }
}

struct AuditFingers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-fingers",
        abstract: "List employees with more than one finger and slots without an employee; exit 1 if any.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let report: FingerAuditPayload
        if let live = try? options.client.auditFingers() {
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
