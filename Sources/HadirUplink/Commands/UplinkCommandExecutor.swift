import HadirCore
import HadirStore

/// Executes one server command against the kiosk and says what to report.
///
/// Deduplication by CmdID happens before this runs (the session looks up the stored result), so
/// every call here is a first execution. Commands that only touch the database are done here;
/// scanner, clock and process work goes through ``UplinkKiosk``.
public struct UplinkCommandExecutor: Sendable {
    let database: HadirDatabase
    let kiosk: any UplinkKiosk
    /// This server's name (audit actor) and every configured server (CLEAR LOG keeps what any lacks).
    let server: String
    let allServers: [String]
    /// The zone in which the server's local times are read and written.
    let zoneOffsetSeconds: Int32

    public init(database: HadirDatabase, kiosk: any UplinkKiosk, server: String, allServers: [String], zoneOffsetSeconds: Int32) {
        self.database = database
        self.kiosk = kiosk
        self.server = server
        self.allServers = allServers
        self.zoneOffsetSeconds = zoneOffsetSeconds
    }

    var actor: String { "server:\(server)" }

    /// Executes `received` (whose immediate result, if any, was already handled by the caller).
    public func execute(_ received: ADMSReceivedCommand) async -> UplinkCommandOutcome {
        if let immediate = received.immediateResult { return UplinkCommandOutcome(result: immediate) }
        guard let command = received.command else {
            return UplinkCommandOutcome(result: ADMSCommandResult(id: received.id, returnCode: .badParameter, cmdToken: received.cmdToken))
        }
        do {
            return try await execute(command, id: received.id)
        } catch {
            // A store or kiosk failure is a read/write error for the server; it may retry.
            return UplinkCommandOutcome(result: ADMSCommandResult(id: received.id, command: command, returnCode: .readWriteError))
        }
    }

    private func execute(_ command: ADMSCommand, id: String) async throws -> UplinkCommandOutcome {
        func done(_ code: ADMSReturnCode = .success, _ followUp: UplinkFollowUp? = nil) -> UplinkCommandOutcome {
            UplinkCommandOutcome(result: ADMSCommandResult(id: id, command: command, returnCode: code), followUp: followUp)
        }
        switch command {
        case .updateUser(let record):
            try database.upsertUser(Employee(pin: record.pin, name: record.name), actor: actor)
            return done()
        case .deleteUser(let pin):
            // Deleting someone already gone is done, not an error the server would retry forever.
            if try database.user(pin: pin) != nil { try await kiosk.removeUser(pin) }
            return done()
        case .updateFingerTemplate(let template):
            return done(try await install(template.template, pin: template.pin, sizeMatches: template.declaredSizeMatches))
        case .updateBiodata(let biodata):
            // Type 1 is a fingerprint; faces cannot be installed from templates (they are not exportable).
            guard biodata.type == 1 else { return done(.notSupported) }
            return done(try await install(biodata.template, pin: biodata.pin, sizeMatches: true))
        case .deleteFingerTemplates(let pin, _):
            // As for DELETE USERINFO: no such employee means no such finger, which is what was asked.
            if try database.user(pin: pin) != nil { try await kiosk.deleteFinger(of: pin) }
            return done()
        case .deleteBiodata(let pin, let type, _):
            guard type == nil || type == 1 else { return done(.notSupported) }
            if try database.user(pin: pin) != nil { try await kiosk.deleteFinger(of: pin) }
            return done()
        case .queryAttendance(let range):
            return done(.success, .resendAttendance(range))
        case .queryUsers(let pin):
            let employees = try pin.map { pin throws -> [Employee] in try database.user(pin: pin).map { [$0] } ?? [] } ?? database.users()
            if pin != nil, employees.isEmpty { return done(.pinNotOnDevice) }
            return done(.success, .uploadOperationLog(employees.map { OPERLOGEncoder.userLine(ADMSUserRecord(employee: $0)) }))
        case .queryFingerTemplates(let pin, _):
            guard let template = try database.template(pin: pin) else { return done(.pinNotOnDevice) }
            return done(.success, .uploadOperationLog([OPERLOGEncoder.fingerprintLine(pin: pin, fingerIndex: 0, template: template)]))
        case .clearLog:
            let remaining = try clearAckedLog(detail: "CLEAR LOG from \(server)")
            return UplinkCommandOutcome(
                result: ADMSCommandResult(
                    id: id, returnCode: .success, cmdToken: command.cmdToken, fields: [ADMSKeyValue("Remaining", String(remaining))]))
        case .clearData:
            for employee in try database.users() { try await kiosk.removeUser(employee.pin) }
            let remaining = try clearAckedLog(detail: "CLEAR DATA from \(server)")
            return UplinkCommandOutcome(
                result: ADMSCommandResult(
                    id: id, returnCode: .success, cmdToken: command.cmdToken, fields: [ADMSKeyValue("Remaining", String(remaining))]))
        case .clearBiodata:
            _ = try await kiosk.clearFingers()
            return done()
        case .check:
            return done(.success, .rehandshake)
        case .log:
            return done(.success, .uploadNow)
        case .verifySumAttendance(let range):
            let (from, to) = utcBounds(range)
            let count = try database.punchCount(fromUTC: from, toUTC: to)
            return UplinkCommandOutcome(result: .verifySum(id: id, range: range, count: count))
        case .setOption(.dateTime(let local)):
            switch await kiosk.setClock(local: local) {
            case .applied: return done()
            case .refusedByPolicy: return done(.inconsistentWithConfiguration)
            case .failed: return done(.readWriteError)
            }
        case .setOption(.duplicateWindow(let minutes)):
            await kiosk.setDuplicateWindow(seconds: minutes * 60)
            return done()
        case .setOption(.other):
            return done(.notSupported)
        case .reloadOptions:
            return done(.success, .reloadOptions)
        case .info:
            return UplinkCommandOutcome(result: .info(id: id, values: try infoValues()))
        case .reboot:
            return done(.success, .restart)
        case .enrollFingerprint(let request):
            guard try database.user(pin: request.pin) != nil else { return done(.pinNotOnDevice) }
            // One finger per employee, and re-enrolment is the technician's (with its audit trail):
            // the kiosk would refuse after the server had been told 0, whatever OVERWRITE says.
            guard try database.fingerSlot(pin: request.pin) == nil else { return done(.enrollAlreadyExists) }
            return done(await kiosk.startEnrollment(pin: request.pin))
        case .refused, .unknown:
            return done(.notSupported)
        }
    }

    /// A server template through the single-finger rule.
    private func install(_ template: [UInt8], pin: EmployeePIN, sizeMatches: Bool) async throws -> ADMSReturnCode {
        guard try database.user(pin: pin) != nil else { return .pinNotOnDevice }
        guard sizeMatches else { return .templateSizeMismatch }
        guard !template.isEmpty else { return .illegalTemplate }
        switch await kiosk.installTemplate(template, for: pin) {
        case .stored: return .success
        case .employeeAlreadyHasFinger: return .enrollAlreadyExists
        case .duplicateOf: return .enrollDuplicateFingerprint
        case .invalidTemplate: return .illegalTemplate
        case .failed: return .readWriteError
        }
    }

    /// Clears only what every configured server has acknowledged, stopping before any quarantined
    /// punch (see ``HadirDatabase/clearableThroughSeq(servers:)``); returns how many punches remain.
    private func clearAckedLog(detail: String) throws -> Int {
        // An executor always serves a configured server; an empty list would mean "no uplink",
        // which clears everything, so it clears nothing instead.
        let through = allServers.isEmpty ? 0 : try database.clearableThroughSeq(servers: allServers)
        return try database.clearLog(throughSeq: through, actor: actor, detail: detail)
    }

    /// Local range (inclusive, to the second) to UTC milliseconds `[from, to)`.
    func utcBounds(_ range: ADMSTimeRange) -> (Int64?, Int64?) {
        (
            range.start?.utcMilliseconds(offsetSeconds: zoneOffsetSeconds),
            range.end.map { $0.utcMilliseconds(offsetSeconds: zoneOffsetSeconds) + 1000 }
        )
    }

    /// INFO's key=value lines: true counts, as servers reconcile against them.
    func infoValues() throws -> [ADMSKeyValue] {
        let punches = try database.punchCount() - Int(try database.logClearedThroughSeq())
        return [
            ADMSKeyValue("~DeviceName", "Hadir"),
            ADMSKeyValue("FWVersion", kiosk.firmwareVersion),
            ADMSKeyValue("UserCount", String(try database.users().count)),
            ADMSKeyValue("FPCount", String(try database.fingerSlots().count)),
            ADMSKeyValue("TransactionCount", String(max(0, punches))),
            ADMSKeyValue("MaxUserCount", "0"),
        ]
    }
}
