import Foundation
import HadirControl
import HadirCore
import HadirStore
import Logging

/// What the control API can do, as typed operations on the daemon's parts. The routes
/// (``ControlRoutes``) only translate HTTP to these calls and back.
public struct ControlActions: Sendable {
    let database: HadirDatabase
    let scanners: ScannerSet
    let enrollment: EnrollmentCoordinator
    let hub: FeedbackHub
    /// Holds the attendance profile a SIGHUP may have replaced since start.
    let recorder: PunchRecorder
    let configuration: HadirConfiguration
    let clock: any ClockSource
    let serial: String
    let uplink: UplinkService?
    let pull: PullService?
    /// Signs the tip for a proof that would otherwise end on unsigned rows.
    let integrity: JournalIntegrity?
    let logger: Logger
    /// Nil on a simulated clock: nothing to sync.
    let clockMonitor: ClockIntegrityMonitor?
    /// Free space, a full disk, a quarantined database.
    let storage: StorageHealth?
    /// The control API's own listeners, for their connection figures in status.
    let controlListeners: [ControlListener]
    /// `[report]`, which a SIGHUP may replace.
    let reportSettings: LiveReportSettings

    public init(
        database: HadirDatabase, scanners: ScannerSet, enrollment: EnrollmentCoordinator, hub: FeedbackHub,
        recorder: PunchRecorder, configuration: HadirConfiguration, clock: any ClockSource, serial: String,
        uplink: UplinkService?, pull: PullService? = nil, integrity: JournalIntegrity? = nil, logger: Logger,
        clockMonitor: ClockIntegrityMonitor? = nil, storage: StorageHealth? = nil, controlListeners: [ControlListener] = [],
        reportSettings: LiveReportSettings? = nil
    ) {
        self.reportSettings = reportSettings ?? LiveReportSettings(configuration.report)
        self.storage = storage
        self.controlListeners = controlListeners
        self.integrity = integrity
        self.clockMonitor = clockMonitor
        self.database = database
        self.scanners = scanners
        self.enrollment = enrollment
        self.hub = hub
        self.recorder = recorder
        self.configuration = configuration
        self.clock = clock
        self.serial = serial
        self.uplink = uplink
        self.pull = pull
        self.logger = logger
    }

    /// Employees with what each has enrolled: finger slot, face id, and the modalities in short.
    func users() throws -> [UserRow] {
        let slots = Dictionary(try database.fingerSlots().map { ($0.pin, $0.slot) }, uniquingKeysWith: { first, _ in first })
        let faces = Dictionary(try database.faceEnrollments().map { ($0.pin, $0.faceID) }, uniquingKeysWith: { first, _ in first })
        return try database.users().map { UserRow(pin: $0.pin.rawValue, name: $0.name, slot: slots[$0.pin], faceID: faces[$0.pin]) }
    }

    func addUser(_ body: UserBody) throws -> UserRow {
        let employee = Employee(pin: try Self.pin(body.pin), name: try Self.name(body.name))
        try database.upsertUser(employee, actor: "control-api")
        return UserRow(
            pin: employee.pin.rawValue, name: employee.name, slot: try database.fingerSlot(pin: employee.pin)?.slot,
            faceID: try database.faceID(pin: employee.pin))
    }

    func removeUser(_ text: String) async throws {
        let pin = try Self.pin(text)
        guard try database.user(pin: pin) != nil else { throw ControlAPIError.notFound("no employee with PIN \(pin.rawValue)") }
        try database.removeUser(pin: pin, actor: "control-api")
        await deleteOrphansNow()
    }

    func deleteFinger(_ text: String) async throws {
        let pin = try Self.pin(text)
        guard try database.user(pin: pin) != nil else { throw ControlAPIError.notFound("no employee with PIN \(pin.rawValue)") }
        guard try database.fingerSlot(pin: pin) != nil else {
            throw ControlAPIError.notFound("employee \(pin.rawValue) has no finger enrolled")
        }
        try database.removeFinger(pin: pin, actor: "control-api")
        await deleteOrphansNow()
    }

    func deleteFace(_ text: String) async throws {
        let pin = try Self.pin(text)
        guard try database.user(pin: pin) != nil else { throw ControlAPIError.notFound("no employee with PIN \(pin.rawValue)") }
        guard try database.faceID(pin: pin) != nil else {
            throw ControlAPIError.notFound("employee \(pin.rawValue) has no face enrolled")
        }
        try database.removeFace(pin: pin, actor: "control-api")
        await deleteOrphansNow()
    }

    /// Checks an enrollment request before the event stream starts, so its mistakes are 4xx.
    func validateEnrollment(_ body: EnrollBody) throws -> (EmployeePIN, BiometricModality) {
        let pin = try Self.pin(body.pin)
        guard try database.user(pin: pin) != nil else {
            throw ControlAPIError.notFound("no employee with PIN \(pin.rawValue): add them first (POST /v1/users)")
        }
        let text = body.modality ?? BiometricModality.fingerprint.rawValue
        guard let modality = BiometricModality(rawValue: text) else {
            throw ControlAPIError.badRequest("modality \"\(text)\" is not fingerprint or face")
        }
        guard scanners.service(for: modality) != nil else {
            throw ControlAPIError.conflict("no \(modality.rawValue) scanner is configured on this kiosk")
        }
        return (pin, modality)
    }

    /// Enrolls, passing each stage event of this employee to `onStage` as the scanner works.
    func enroll(
        _ pin: EmployeePIN, replace: Bool, modality: BiometricModality = .fingerprint,
        onStage: @escaping @Sendable (FeedbackEvent) async -> Void
    ) async throws
        -> EnrollmentResult
    {
        let stream = hub.subscribe()
        let forwarder = Task {
            for await event in stream where event.pin == pin.rawValue {
                switch event.event {
                case .enrollStage, .enrolled, .enrollRefused: await onStage(event)
                default: continue
                }
            }
        }
        defer { forwarder.cancel() }
        let result = try await enrollment.enroll(pin: pin, replace: replace, actor: "control-api", modality: modality)
        // Let the forwarder pass on the final stage event before the result.
        try? await Task.sleep(for: .milliseconds(20))
        return result
    }

    func events() -> AsyncStream<FeedbackEvent> { hub.subscribe() }

    func syncNow() throws -> [UplinkStatus] {
        guard let uplink else { throw ControlAPIError.conflict("no [uplink.<name>] server is configured") }
        uplink.requestSync()
        return try uplinkStatus()
    }

    func metrics() throws -> String {
        try DaemonMetrics.shared.render(
            database: database, servers: configuration.uplinks.map(\.name), scannerConnected: scanners.allConnected, pull: pull,
            control: ControlConnectionsStatus(controlListeners), nowMilliseconds: clock.now().utcMilliseconds, storage: storage?.status)
    }

    func punches(_ query: PunchQuery) throws -> [PunchRow] {
        do {
            return try query.rows(in: database)
        } catch let error as PunchQueryError {
            throw ControlAPIError.badRequest(error.description)
        }
    }

    func reconcile(_ query: PunchQuery) throws -> [DailyTally] {
        do {
            return try query.dailyTallies(in: database)
        } catch let error as PunchQueryError {
            throw ControlAPIError.badRequest(error.description)
        }
    }

    func status() async throws -> StatusReport {
        let reading = clock.now()
        let profile = await recorder.profile
        let local = LocalDateTime(utcMilliseconds: reading.utcMilliseconds, offsetSeconds: profile.zone.offsetSeconds)
        return StatusReport(
            version: HadirVersion.current, serial: serial, stateDirectory: configuration.device.stateDirectory,
            scanner: scanners.primary.status, scanners: scanners.services.map(\.status), punches: try database.punchCount(),
            lastSeq: try database.lastPunch()?.seq, users: try database.users().count, fingers: try database.fingerSlots().count,
            faces: try database.faceEnrollments().count, orphanSlots: try database.orphanSlots(),
            orphanFaces: try database.orphanFaces(), clockQuality: reading.quality.rawValue, clock: await clockMonitor?.status(),
            localTime: "\(local) \(profile.zone.rawValue)", profile: profile.id,
            uplinks: try uplinkStatus(), pull: pull?.status, journal: try integrity?.status(database: database),
            storage: storage?.status, control: ControlConnectionsStatus(controlListeners))
    }

    /// Per server: cursor, backlog and its age, last success and error, quarantined punches.
    func uplinkStatus() throws -> [UplinkStatus] {
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

    func audit() async throws -> FingerAuditPayload {
        let moduleSlots = try? await scanners.fingerprint?.perform { try await $0.list() }
        return FingerAuditPayload(try database.fingerAudit(moduleSlots: moduleSlots))
    }

    /// Removes orphaned slots and faces from the modules now when connected; otherwise at the next connect.
    private func deleteOrphansNow() async {
        await scanners.deleteOrphansNow(actor: "control-api")
    }

    static func pin(_ text: String) throws -> EmployeePIN {
        do {
            return try EmployeePIN(text)
        } catch {
            throw ControlAPIError.badRequest("pin: \(error.description)")
        }
    }

    static func name(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: \.isNewline) else {
            throw ControlAPIError.badRequest("name must be 1-64 characters on one line")
        }
        return name
    }
}
