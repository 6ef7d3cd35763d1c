import Foundation
import HadirCore
import HadirScanner
import HadirStore
import HadirUplink
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's side of server commands: templates through the module and the single-finger rule,
/// deletions, the clock and restarts.
struct DaemonKiosk: UplinkKiosk {
    let database: HadirDatabase
    let scanners: ScannerSet
    let recorder: PunchRecorder
    let enrollment: EnrollmentCoordinator
    let clockAuthority: String
    let zoneOffsetSeconds: Int32
    let logger: Logger
    /// Told when a server's time is accepted: that is sync arrival on a server-authoritative kiosk.
    var clockMonitor: ClockIntegrityMonitor? = nil

    var firmwareVersion: String { "Hadir \(HadirVersion.current)" }

    func installTemplate(_ template: [UInt8], for pin: EmployeePIN) async -> TemplateInstallOutcome {
        await installTemplate(template, for: pin, actor: "uplink")
    }

    /// The single-finger rule for a template from any server (`actor` goes into the audit rows).
    /// Faces do not take part: a face-only employee simply gains a finger, and a kiosk without a
    /// fingerprint module refuses the template with a reason.
    func installTemplate(_ template: [UInt8], for pin: EmployeePIN, actor: String) async -> TemplateInstallOutcome {
        let database = self.database
        guard let scanner = scanners.fingerprint else { return .failed("this kiosk has no fingerprint scanner") }
        do {
            return try await scanner.perform { module in
                guard let driver = module as? ScannerDriver else { return .failed("the fingerprint module takes no templates") }
                // The same rule as a kiosk enrollment: search the module first (reference §1 enrolment).
                if let match = try await driver.findEnrolled(template: template) {
                    let owner = try database.owner(ofSlot: match.slot)
                    if let owner, owner != pin { return .duplicateOf(owner) }
                    return .employeeAlreadyHasFinger
                }
                if try database.fingerSlot(pin: pin) != nil { return .employeeAlreadyHasFinger }
                // Free on the module and not known to the database (pending deletions count as used).
                let used = try database.usedSlots().union(try await driver.list())
                guard let capacity = await driver.systemParameters?.capacity, let slot = (0..<capacity).first(where: { !used.contains($0) })
                else { return .failed("the module's library is full") }
                try database.markPendingSlot(slot, reason: "server template for \(pin)", actor: actor)
                try await driver.restore(template: template, to: slot)
                try database.assignFinger(pin: pin, slot: slot, template: template, replace: false, actor: actor)
                return .stored(slot: slot)
            }
        } catch ScannerError.module(let error) {
            return .invalidTemplate("\(error)")
        } catch {
            return .failed("\(error)")
        }
    }

    func deleteFinger(of pin: EmployeePIN) async throws {
        if let slot = try database.removeFinger(pin: pin, actor: "uplink") {
            await scanners.fingerprint?.deleteOrphanedSlots([slot], actor: "uplink")
        }
    }

    func removeUser(_ pin: EmployeePIN) async throws {
        try database.removeUser(pin: pin, actor: "uplink")
        await scanners.deleteOrphansNow(actor: "uplink")
    }

    func clearFingers() async throws -> Int {
        let fingers = try database.fingerSlots()
        for finger in fingers { try await deleteFinger(of: finger.pin) }
        return fingers.count
    }

    func setClock(local: LocalDateTime) async -> ClockChangeOutcome {
        guard clockAuthority == "server" else {
            logger.notice("server asked to set the clock; refused: [clock] authority is ntp", metadata: ["time": "\(local)"])
            return .refusedByPolicy("[clock] authority is ntp")
        }
        let utc = local.utcMilliseconds(offsetSeconds: zoneOffsetSeconds)
        let monotonic = SystemClock.boottimeNanoseconds()
        if case .failure(let error) = SystemClockSetter.set(utcMilliseconds: utc) {
            logger.error("setting the clock failed", metadata: ["error": "\(error.reason)"])
            return .failed(error.reason)
        }
        try? database.recordScanEvent(kind: "clock_set", detail: "set to \(local) by the server", atMilliseconds: utc)
        logger.notice("clock set by the server", metadata: ["time": "\(local)"])
        await clockMonitor?.serverTimeAccepted(trueUTCMilliseconds: utc, monotonicNanoseconds: monotonic)
        return .applied
    }

    /// Server-authoritative kiosks (no NTP on site) follow the server's clock when it is more than
    /// 10 s away (reference §4); stored punches keep the time they were taken with. Any trusted
    /// server time on such a kiosk is sync arrival: unsynced punches of this boot get corrections.
    func serverClockObserved(driftMilliseconds: Int64) async {
        guard clockAuthority == "server" else { return }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let monotonic = SystemClock.boottimeNanoseconds()
        let target = Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000 + driftMilliseconds
        if abs(driftMilliseconds) > 10_000 {
            if case .failure(let error) = SystemClockSetter.set(utcMilliseconds: target) {
                logger.error("correcting the clock from the server failed", metadata: ["error": "\(error.reason)"])
                return
            }
            try? database.recordScanEvent(
                kind: "clock_corrected", detail: "moved by \(driftMilliseconds) ms to the server's Date", atMilliseconds: target)
            logger.notice("clock corrected from the server's Date header", metadata: ["drift_ms": "\(driftMilliseconds)"])
        }
        await clockMonitor?.serverTimeAccepted(trueUTCMilliseconds: target, monotonicNanoseconds: monotonic)
    }

    func setDuplicateWindow(seconds: Int) async {
        await recorder.setDuplicateWindow(DuplicateWindow(seconds: seconds))
    }

    func startEnrollment(pin: EmployeePIN) async -> ADMSReturnCode {
        guard scanners.fingerprint?.status.connected == true else { return .busy }
        let enrollment = self.enrollment
        let logger = self.logger
        Task {
            do {
                let result = try await enrollment.enroll(pin: pin, replace: false, actor: "server")
                logger.notice("remote enrollment finished", metadata: ["pin": "\(pin)", "status": "\(result.status.rawValue)"])
            } catch {
                logger.warning("remote enrollment failed", metadata: ["pin": "\(pin)", "error": "\(error)"])
            }
        }
        return .success
    }

    func restart() async {
        // A clean drain; systemd's Restart=always brings the daemon back.
        kill(getpid(), SIGTERM)
    }
}
