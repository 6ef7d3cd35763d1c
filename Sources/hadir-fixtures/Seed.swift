import ArgumentParser
import Foundation
import HadirCore
import HadirStore

/// Writes synthetic users and punches into a state directory, through the store's own append
/// path (hash chain, triggers), so the daemon serves them like any other.
struct Seed: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write synthetic users and punches into a state directory.")

    @Option(help: "State directory (hadir.sqlite inside is created if missing).") var state: String
    @Option(help: "Employees with PINs 1…N, named \"Pegawai N\".") var users = 0
    @Option(help: "Punches, spread over the employees in turn.") var punches = 0
    @Option(help: "Local time of the first punch.") var start = "2026-11-02 07:00:00"
    @Option(help: "Seconds between punches.") var stepSeconds = 60
    @Option(help: "Comma-separated local times to use instead of start/step, in order.") var times: String?
    @Option(help: "Zone of the local times: WIB, WITA or WIT.") var zone = "WIB"
    @Option(help: "Device serial recorded in the punches.") var serial = "HDRTEST0001"
    @Flag(help: "Add to a journal that already has punches.") var append = false

    func run() throws {
        guard let zone = IndonesianZone(name: zone) else { throw ValidationError("--zone must be WIB, WITA or WIT") }
        let localTimes = try (times?.split(separator: ",").map { try Self.parse(String($0)) }) ?? []
        let first = try Self.parse(start)
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite")
        let existing = try database.punchCount()
        guard append || existing == 0 else {
            throw ValidationError("\(state) already holds punches; pass --append to add more")
        }
        var pins: [EmployeePIN] = []
        for index in 0..<users {
            let pin = try EmployeePIN(String(index + 1))
            try database.upsertUser(Employee(pin: pin, name: "Pegawai \(index + 1)"), actor: "hadir-fixtures")
            pins.append(pin)
        }
        if pins.isEmpty { pins = [try EmployeePIN("1")] }
        let startUTC = first.utcMilliseconds(offsetSeconds: zone.offsetSeconds)
        var drafts: [PunchDraft] = []
        drafts.reserveCapacity(min(punches, 10_000))
        for index in 0..<punches {
            let utc =
                localTimes.isEmpty
                ? startUTC + Int64(index) * Int64(stepSeconds) * 1000
                : localTimes[index % localTimes.count].utcMilliseconds(offsetSeconds: zone.offsetSeconds)
            let clock = ClockReading(
                utcMilliseconds: utc, monotonicNanoseconds: UInt64(index) * 1_000_000, bootID: "hadir-fixtures", quality: .synced)
            drafts.append(
                PunchDraft(
                    deviceSerial: serial, pin: pins[index % pins.count], clock: clock, zoneOffsetSeconds: zone.offsetSeconds,
                    verify: .fingerprint, state: index % 2 == 0 ? .checkIn : .checkOut, classification: index % 2 == 0 ? .onTime : .checkOut
                ))
            if drafts.count == 10_000 {
                try database.append(contentsOf: drafts)
                drafts.removeAll(keepingCapacity: true)
            }
        }
        if !drafts.isEmpty { try database.append(contentsOf: drafts) }
        print("seeded \(users) user(s) and \(punches) punch(es) into \(state)")
    }

    /// "YYYY-MM-DD HH:MM:SS" (seconds optional).
    static func parse(_ text: String) throws -> LocalDateTime {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "- :".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 || parts.count == 6 else { throw ValidationError("\"\(text)\" is not a time like 2024-02-29 23:59:59") }
        return LocalDateTime(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts.count == 6 ? parts[5] : 0)
    }
}
