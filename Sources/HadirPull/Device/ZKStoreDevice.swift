import HadirCore
import HadirStore
import Logging

/// The kiosk behind the pull server, on the store: users and punches through the same tables
/// and audit as the uplink; what needs the module, the clock or the process goes to `actions`.
public struct ZKStoreDevice: ZKPullDevice {
    let database: HadirDatabase
    let actions: any ZKKioskActions
    /// The uplink servers every punch must reach before a pull client may clear it.
    let uplinkServers: [String]
    let zoneOffsetSeconds: Int32
    let logger: Logger

    public init(database: HadirDatabase, actions: any ZKKioskActions, uplinkServers: [String], zoneOffsetSeconds: Int32, logger: Logger) {
        self.database = database
        self.actions = actions
        self.uplinkServers = uplinkServers
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.logger = logger
    }

    public func answer(_ query: ZKDeviceQuery, context: ZKQueryContext) async -> ZKDeviceAnswer {
        do {
            return try await perform(query, context: context)
        } catch {
            // The session turns this into ACK_ERROR: the client sees a failure, never wrong data.
            logger.error("pull request failed", metadata: ["query": "\(query.name)", "peer": "\(context.peer)", "error": "\(error)"])
            return .done(false)
        }
    }

    public func restart(context: ZKQueryContext) async {
        logger.notice("restart requested by a pull client", metadata: ["peer": "\(context.peer)"])
        try? database.recordAudit(action: AuditAction(rawValue: "restart"), detail: "RESTART over ZK", actor: context.actor)
        await actions.restart()
    }

    private func perform(_ query: ZKDeviceQuery, context: ZKQueryContext) async throws -> ZKDeviceAnswer {
        switch query {
        case .inventory:
            let users = try database.pullUsers().map(ZKSnapshotEncoder.user)
            return .inventory(
                ZKInventory(users: users, fingers: try database.pullTemplateCount(), attendance: try database.pullAttendanceBounds()))
        case .users:
            return .users(try database.pullUsers().map(ZKSnapshotEncoder.user))
        case .attendanceBuffer(let announced):
            let bounds = try announced ?? database.pullAttendanceBounds()
            let punches = try database.pullPunches(afterSeq: bounds.afterSeq, throughSeq: bounds.throughSeq)
            let uids = Dictionary(try database.pullUsers().map { ($0.pin.rawValue, $0.uid) }, uniquingKeysWith: { first, _ in first })
            return .buffer(ZKSnapshotEncoder.attendanceBuffer(punches, uids: uids), attendanceThroughSeq: bounds.throughSeq)
        case .templatesBuffer:
            return .buffer(ZKSnapshotEncoder.templatesBuffer(try database.pullTemplates()), attendanceThroughSeq: nil)
        case .template(let uid, _):
            return .template(try database.pullTemplates().first { $0.uid == uid }?.template)
        case .writeUser(let user):
            return .done(try writeUser(user, context: context))
        case .saveUserTemplates(let upload):
            return .done(try await saveUserTemplates(upload, context: context))
        case .deleteUser(let uid):
            guard let removal = try database.removePullUser(uid: uid, actor: context.actor) else {
                logger.info("pull client deleted uid \(uid), which does not exist", metadata: ["peer": "\(context.peer)"])
                return .done(true)
            }
            if let slot = removal.orphanedSlot { await actions.deleteFromModule(slots: [slot], actor: context.actor) }
            logger.notice("user removed by a pull client", metadata: ["pin": "\(removal.pin)", "peer": "\(context.peer)"])
            return .done(true)
        case .deleteTemplate(let uid, _):
            guard let user = try database.pullUsers().first(where: { $0.uid == uid }) else { return .done(false) }
            if let slot = try database.removeFinger(pin: user.pin, actor: context.actor) {
                await actions.deleteFromModule(slots: [slot], actor: context.actor)
            }
            return .done(true)
        case .clearAttendance(let downloaded):
            clearAttendance(
                try database.clearPulledAttendance(
                    snapshotThroughSeq: downloaded, servers: uplinkServers, peer: context.peer, actor: context.actor), context: context)
            return .done(true)
        case .clearAllData(let downloaded):
            for user in try database.pullUsers() {
                if let removal = try database.removePullUser(uid: user.uid, actor: context.actor), let slot = removal.orphanedSlot {
                    await actions.deleteFromModule(slots: [slot], actor: context.actor)
                }
            }
            clearAttendance(
                try database.clearPulledAttendance(
                    snapshotThroughSeq: downloaded, servers: uplinkServers, peer: context.peer, actor: context.actor), context: context)
            return .done(true)
        case .getTime:
            return .time(ZKDateTime(utcMilliseconds: actions.nowUTCMilliseconds(), zoneOffsetSeconds: Int(zoneOffsetSeconds)))
        case .setTime(let time):
            guard let utc = time.utcMilliseconds(zoneOffsetSeconds: Int(zoneOffsetSeconds)) else { return .done(false) }
            return .done(await actions.setClock(utcMilliseconds: utc, local: time, context: context))
        }
    }

    private func writeUser(_ user: ZKUser, context: ZKQueryContext) throws -> Bool {
        let pin: EmployeePIN
        do {
            pin = try EmployeePIN(user.userID)
        } catch {
            logger.warning(
                "pull client wrote a user with an unusable user_id", metadata: ["user_id": "\(user.userID)", "error": "\(error)"])
            return false
        }
        guard user.uid >= 1, user.uid <= 32_767 else { return false }
        do {
            let result = try database.writePullUser(
                PullUser(uid: user.uid, pin: pin, name: user.name, privilege: user.privilege, password: user.password, card: user.card),
                actor: context.actor)
            logger.info("user written by a pull client", metadata: ["result": "\(result)", "peer": "\(context.peer)"])
            return true
        } catch StoreError.conflict(let reason) {
            logger.warning("pull client's user write refused: \(reason)", metadata: ["peer": "\(context.peer)"])
            return false
        }
    }

    /// pyzk's save_user_template: the user, then their one template through the single-finger rule.
    private func saveUserTemplates(_ upload: ZKUserTemplateUpload, context: ZKQueryContext) async throws -> Bool {
        // Two fingers for one person is exactly what the field rules forbid: refuse before writing anything.
        guard upload.templates.count <= 1 else {
            logger.warning(
                "pull client uploaded \(upload.templates.count) templates for one user; one finger per employee",
                metadata: ["user_id": "\(upload.user.userID)", "peer": "\(context.peer)"])
            return false
        }
        guard try writeUser(upload.user, context: context) else { return false }
        guard let template = upload.templates.first else { return true }
        let pin = try EmployeePIN(upload.user.userID)
        let outcome = await actions.installTemplate(template.template, for: pin, actor: context.actor)
        guard case .stored = outcome else {
            logger.warning(
                "template from a pull client refused: \(outcome)", metadata: ["pin": "\(pin)", "peer": "\(context.peer)"])
            return false
        }
        logger.notice("template from a pull client stored", metadata: ["pin": "\(pin)", "outcome": "\(outcome)"])
        return true
    }

    private func clearAttendance(_ result: PullClearResult, context: ZKQueryContext) {
        logger.notice(
            "attendance cleared by a pull client",
            metadata: [
                "peer": "\(context.peer)", "cleared": "\(result.cleared)", "remaining": "\(result.remaining)",
                "through_seq": "\(result.throughSeq)",
            ])
    }
}
