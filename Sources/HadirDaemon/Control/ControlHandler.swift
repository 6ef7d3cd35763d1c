import Foundation
import HadirCore
import HadirStore
import Logging

/// Answers control requests. Every failure becomes a `result` line with `ok: false` and a reason;
/// a malformed line never takes the daemon down.
public struct ControlHandler: Sendable {
    /// Sends one reply line; false once the client has gone.
    public typealias Send = @Sendable ([UInt8]) -> Bool

    let database: HadirDatabase
    let scanner: ScannerService
    let enrollment: EnrollmentCoordinator
    let hub: FeedbackHub
    let configuration: HadirConfiguration
    let clock: any ClockSource
    let serial: String
    let uplink: UplinkService?
    let pull: PullService?
    let logger: Logger

    public init(
        database: HadirDatabase, scanner: ScannerService, enrollment: EnrollmentCoordinator, hub: FeedbackHub,
        configuration: HadirConfiguration, clock: any ClockSource, serial: String, uplink: UplinkService?, pull: PullService? = nil,
        logger: Logger
    ) {
        self.database = database
        self.scanner = scanner
        self.enrollment = enrollment
        self.hub = hub
        self.configuration = configuration
        self.clock = clock
        self.serial = serial
        self.uplink = uplink
        self.pull = pull
        self.logger = logger
    }

    public func handle(line: String, send: @escaping Send) async {
        let request: ControlRequest
        do {
            request = try JSONDecoder().decode(ControlRequest.self, from: Data(line.utf8))
        } catch {
            reply(ControlReply<EmptyPayload>.failure("malformed request: expected one JSON object per line with an \"op\""), send)
            return
        }
        do {
            try await dispatch(request, send: send)
        } catch {
            logger.warning("control request failed", metadata: ["op": "\(request.op)", "error": "\(error)"])
            reply(ControlReply<EmptyPayload>.failure("\(error)"), send)
        }
    }

    private func dispatch(_ request: ControlRequest, send: @escaping Send) async throws {
        switch request.op {
        case "status":
            reply(ControlReply.result(try status()), send)
        case "users":
            let slots = Dictionary(try database.fingerSlots().map { ($0.pin, $0.slot) }, uniquingKeysWith: { first, _ in first })
            reply(ControlReply.result(try database.users().map { UserRow(pin: $0.pin.rawValue, name: $0.name, slot: slots[$0.pin]) }), send)
        case "user-add":
            let employee = Employee(pin: try pin(request), name: try name(request))
            try database.upsertUser(employee, actor: "hadirctl")
            reply(ControlReply.result(UserRow(pin: employee.pin.rawValue, name: employee.name, slot: nil)), send)
        case "user-remove":
            try database.removeUser(pin: try pin(request), actor: "hadirctl")
            await deleteOrphansNow()
            reply(ControlReply.result(EmptyPayload()), send)
        case "delete-finger":
            try database.removeFinger(pin: try pin(request), actor: "hadirctl")
            await deleteOrphansNow()
            reply(ControlReply.result(EmptyPayload()), send)
        case "enroll":
            try await enroll(request, send: send)
        case "sync-now":
            guard let uplink else { throw ControlRequestError("no [uplink.<name>] server is configured") }
            uplink.requestSync()
            reply(ControlReply.result(try uplinkStatus()), send)
        case "metrics":
            let text = try DaemonMetrics.shared.render(
                database: database, servers: configuration.uplinks.map(\.name), scannerConnected: scanner.status.connected, pull: pull,
                nowMilliseconds: clock.now().utcMilliseconds)
            reply(ControlReply.result(text), send)
        case "audit-fingers":
            reply(ControlReply.result(try await audit()), send)
        case "events":
            for await event in hub.subscribe() {
                guard reply(ControlReply<EmptyPayload>.streamed(event), send) else { return }
            }
        default:
            reply(
                ControlReply<EmptyPayload>.failure(
                    "unknown op \"\(request.op)\"; known: status, users, user-add, user-remove, enroll, delete-finger, audit-fingers, sync-now, events, metrics"
                ),
                send)
        }
    }

    private func enroll(_ request: ControlRequest, send: @escaping Send) async throws {
        let pin = try pin(request)
        // Stream this employee's enrollment stages while the scanner works.
        let stream = hub.subscribe()
        let forwarder = Task {
            for await event in stream where event.pin == pin.rawValue {
                switch event.event {
                case .enrollStage, .enrolled, .enrollRefused: reply(ControlReply<EmptyPayload>.streamed(event), send)
                default: continue
                }
            }
        }
        defer { forwarder.cancel() }
        let result = try await enrollment.enroll(pin: pin, replace: request.replace ?? false, actor: "hadirctl")
        // Let the forwarder flush the final stage event before the result line.
        try? await Task.sleep(for: .milliseconds(20))
        forwarder.cancel()
        reply(ControlReply.result(result), send)
    }

    private func status() throws -> StatusReport {
        let reading = clock.now()
        let local = LocalDateTime(utcMilliseconds: reading.utcMilliseconds, offsetSeconds: configuration.policy.profile.zone.offsetSeconds)
        return StatusReport(
            version: HadirVersion.current, serial: serial, stateDirectory: configuration.device.stateDirectory,
            scanner: scanner.status, punches: try database.punchCount(), lastSeq: try database.lastPunch()?.seq,
            users: try database.users().count, fingers: try database.fingerSlots().count,
            orphanSlots: try database.orphanSlots(), clockQuality: reading.quality.rawValue,
            localTime: "\(local) \(configuration.policy.profile.zone.rawValue)", profile: configuration.policy.profile.id,
            uplinks: try uplinkStatus(), pull: pull?.status)
    }

    /// Per server: cursor, backlog and its age, last success and error, quarantined punches.
    private func uplinkStatus() throws -> [UplinkStatus] {
        let now = clock.now().utcMilliseconds
        return try configuration.uplinks.map { server in
            let state = try database.uplinkState(server: server.name)
            let backlog = try database.uplinkBacklog(server: server.name)
            return UplinkStatus(
                server: server.name, url: server.url, ackedSeq: state.ackedSeq, backlog: backlog.count,
                oldestUnsyncedAgeSeconds: backlog.oldestUTCMilliseconds.map { max(0, (now - $0) / 1000) },
                lastSuccessMilliseconds: state.lastSuccessMilliseconds, lastError: state.lastError,
                lastErrorMilliseconds: state.lastErrorMilliseconds, clockDriftMilliseconds: state.clockDriftMilliseconds,
                quarantined: try database.quarantinedPunches(server: server.name).map(\.seq))
        }
    }

    private func audit() async throws -> FingerAuditPayload {
        let moduleSlots = try? await scanner.perform { try await $0.list() }
        return FingerAuditPayload(try database.fingerAudit(moduleSlots: moduleSlots))
    }

    /// Removes orphaned slots from the module now when it is connected; otherwise at the next connect.
    private func deleteOrphansNow() async {
        guard let slots = try? database.orphanSlots() else { return }
        await scanner.deleteOrphanedSlots(slots, actor: "hadirctl")
    }

    private func pin(_ request: ControlRequest) throws -> EmployeePIN {
        guard let text = request.pin else { throw ControlRequestError("missing \"pin\"") }
        do {
            return try EmployeePIN(text)
        } catch {
            throw ControlRequestError(error.description)
        }
    }

    private func name(_ request: ControlRequest) throws -> String {
        guard let name = request.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty, name.count <= 64 else {
            throw ControlRequestError("\"name\" must be 1-64 characters")
        }
        return name
    }

    @discardableResult
    private func reply<Payload>(_ reply: ControlReply<Payload>, _ send: Send) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(reply) else {
            return send(Array(#"{"type":"result","ok":false,"error":"encoding failed"}"#.utf8))
        }
        return send(Array(data))
    }
}

/// A request the daemon cannot act on, explained.
struct ControlRequestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
