import ArgumentParser
import Foundation
import HadirConnectionLimits
import HadirControl
import HadirCore
import HadirDaemon
import HadirPull
import HadirStore

/// Runs a control API call and turns a failure into one clear line and exit code 1.
func call<Answer>(_ body: () throws(ControlClientError) -> Answer) throws -> Answer {
    do {
        return try body()
    } catch {
        throw Output.fail("\(error)")
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the daemon's health.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let status = try call { () throws(ControlClientError) in try options.client.status() }
        if options.json { return Output.json(status) }
        print("Hadir \(status.version)  serial \(status.serial)  profile \(status.profile)")
        print("clock      \(status.localTime) (\(status.clockQuality))")
        if let clock = status.clock { printClockIntegrity(clock) }
        for scanner in status.scanners {
            let state = scanner.connected ? Output.green("connected") : Output.red("DISCONNECTED")
            print(
                "scanner    \(state) \(scanner.kind) \(scanner.path)" + (scanner.capacity.map { ", capacity \($0)" } ?? "")
                    + (scanner.moduleRestarts > 0 ? ", module restarts \(scanner.moduleRestarts)" : "")
                    + (scanner.lastError.map { ", last error: \($0)" } ?? ""))
        }
        print("journal    \(status.punches) punches, last seq \(status.lastSeq.map(String.init) ?? "-")")
        print(
            "users      \(status.users), fingers \(status.fingers), faces \(status.faces)"
                + (status.orphanSlots.isEmpty ? "" : ", slots to delete on module: \(status.orphanSlots)")
                + (status.orphanFaces.isEmpty ? "" : ", faces to delete on module: \(status.orphanFaces)"))
        if let storage = status.storage { printStorage(storage) }
        for uplink in status.uplinks { printUplink(uplink) }
        if let pull = status.pull { printPull(pull) }
        if let lan = status.control?.lan { printConnections("control", "LAN listener", lan) }
    }
}

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List employees and what each has enrolled (finger slot, face id).")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let users = try call { () throws(ControlClientError) in try options.client.users() }
        if options.json { return Output.json(users) }
        Output.table(
            ["PIN", "NAME", "FINGER SLOT", "FACE ID"],
            users.map { [$0.pin, $0.name, $0.slot.map(String.init) ?? "-", $0.faceID.map(String.init) ?? "-"] })
    }
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user-add", abstract: "Add or rename an employee.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Employee PIN (NIP).") var pin: String
    @Argument(help: "Name shown at the kiosk.") var name: String

    func run() throws {
        let row = try call { () throws(ControlClientError) in try options.client.addUser(pin: pin, name: name) }
        if options.json { return Output.json(row) }
        print("user \(row.pin) \(row.name) saved")
    }
}

struct UserRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user-remove", abstract: "Remove an employee with their finger and face.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Employee PIN.") var pin: String

    func run() throws {
        try call { () throws(ControlClientError) in try options.client.removeUser(pin: pin) }
        if !options.json { print("user \(pin) removed") }
    }
}

struct DeleteFinger: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-finger", abstract: "Delete an employee's enrolled finger.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Employee PIN.") var pin: String

    func run() throws {
        try call { () throws(ControlClientError) in try options.client.deleteFinger(pin: pin) }
        if !options.json { print("finger of \(pin) deleted") }
    }
}

struct DeleteFace: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-face", abstract: "Delete an employee's enrolled face.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Employee PIN.") var pin: String

    func run() throws {
        try call { () throws(ControlClientError) in try options.client.deleteFace(pin: pin) }
        if !options.json { print("face of \(pin) deleted") }
    }
}

struct Enroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enroll the one finger (or, with --face, the one face) of an employee, with live prompts.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Employee PIN.") var pin: String
    @Flag(name: .long, help: "Replace the employee's existing finger or face (audited).") var replace = false
    @Flag(name: .long, help: "Enroll a face on the face module instead of a finger.") var face = false

    func run() throws {
        let result = try call { () throws(ControlClientError) in
            try options.client.enroll(pin: pin, replace: replace, modality: face ? .face : .fingerprint) { event in
                if !options.json, event.event == .enrollStage {
                    print("  \(event.message)")
                    fflush(nil)  // a script may be waiting for the prompt
                }
            }
        }
        if options.json { return Output.json(result) }
        switch result.status {
        case .enrolled, .reEnrolled, .unchanged: print(Output.green(result.message))
        case .refused:
            print(Output.red(result.message))
            throw ExitCode(2)
        }
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Follow every punch and kiosk message live.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        try call { () throws(ControlClientError) in
            try options.client.events { event in
                if options.json {
                    Output.jsonLine(event)
                } else {
                    print("\(event.event.rawValue): \(event.message)")
                }
                fflush(nil)
                return true
            }
        }
    }
}

/// Free space, a full disk and a quarantined database.
func printStorage(_ storage: StorageStatus) {
    let free = storage.freeBytes.map { "\($0 / 1_048_576) MB free" } ?? "free space not read yet"
    let level: String
    switch storage.level {
    case .ok: level = Output.green("ok")
    case .warning, .critical: level = Output.red(storage.level.rawValue.uppercased())
    case .full: level = Output.red("FULL: punches are refused (\(storage.refusedPunches) so far)")
    }
    print("storage    \(level), \(free)")
    guard let quarantined = storage.quarantined else { return }
    print(
        "           quarantined database \(quarantined.file): "
            + (quarantined.recovered.map { "recovered (\($0))" } ?? Output.red("not recovered; run hadirctl recover \(quarantined.file)")))
}

/// One line per server: delivery state at a glance.
func printPull(_ pull: ZKPullServerStatus) {
    let ports = "tcp \(pull.tcpPort.map(String.init) ?? "off"), udp \(pull.udpPort.map(String.init) ?? "off")"
    print(
        "pull       \(pull.listening ? ports : "not listening"): \(pull.tcpSessions + pull.udpSessions) session(s)"
            + (pull.disabledSessions > 0 ? " (\(pull.disabledSessions) disabled the device; punching goes on)" : ""))
    let refusals = [
        (pull.authenticationFailures, "wrong comm key"), (pull.refusedByAllowList, "not allowed"),
        (pull.refusedOverSessionLimit, "over session limit"), (pull.refusedOverAddressLimit, "over per-address session limit"),
        (pull.rateLimited, "rate-limited"), (pull.badFrames, "bad frames"),
        (pull.refusedReadOnly, "refused read-only"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    if !refusals.isEmpty { print("           \(refusals.joined(separator: ", "))") }
    printConnections("", "TCP", pull.connections)
}

/// Open connections of a listener, and what its limits closed (only when they closed any).
func printConnections(_ label: String, _ listener: String, _ connections: ConnectionGateStatus) {
    let closed = [
        (connections.refusedOverLimit, "over the limit"), (connections.refusedPerAddress, "over the per-address limit"),
        (connections.evicted, "evicted before a request"), (connections.silentTimeouts, "silent too long"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    let head = label.padding(toLength: 11, withPad: " ", startingAt: 0)
    print("\(head)\(listener) connections \(connections.open)/\(connections.maximum) (peak \(connections.peakOpen))")
    if !closed.isEmpty { print("           closed: \(closed.joined(separator: ", "))") }
}

func printUplink(_ uplink: UplinkStatus) {
    let health = uplink.backlog == 0 ? Output.green("in sync") : Output.red("\(uplink.backlog) unsent")
    var line = "uplink     \(uplink.server) \(uplink.url): \(health), acked seq \(uplink.ackedSeq)"
    if let age = uplink.oldestUnsyncedAgeSeconds { line += ", oldest unsent \(age / 3600)h\(age % 3600 / 60)m" }
    if let drift = uplink.clockDriftMilliseconds { line += ", clock drift \(drift / 1000)s" }
    if !uplink.quarantined.isEmpty { line += ", quarantined seq \(uplink.quarantined.map(String.init).joined(separator: ","))" }
    print(line)
    if let error = uplink.lastError { print("           last error: \(error)") }
}

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Upload to every server and poll for commands now, skipping backoff.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Start now (the only mode).") var now = false

    func run() throws {
        let uplinks = try call { () throws(ControlClientError) in try options.client.syncNow() }
        if options.json { return Output.json(uplinks) }
        print("sync requested")
        for uplink in uplinks { printUplink(uplink) }
    }
}

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the daemon's metrics in the Prometheus text format (punches, backlog, clock drift, pull sessions…).")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        print(try call { () throws(ControlClientError) in try options.client.metrics() }, terminator: "")
    }
}
