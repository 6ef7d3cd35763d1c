import HadirCore
import HadirPull
import HadirStore
import Logging

/// The daemon's side of pull requests: template deletions through the scanner, the clock under
/// `[pull] set_time`, restarts.
struct DaemonPullActions: ZKKioskActions {
    let database: HadirDatabase
    let scanners: ScannerSet
    let clock: any ClockSource
    let kiosk: DaemonKiosk
    /// "refuse-when-synced", "apply" or "refuse".
    let setTimePolicy: String
    let logger: Logger

    func deleteFromModule(slots: [UInt16], actor: String) async {
        await scanners.fingerprint?.deleteOrphanedSlots(slots, actor: actor)
        // A deleted user's face is orphaned in the same transaction as their finger.
        await scanners.service(for: .face)?.deletePendingOrphans(actor: actor)
    }

    func installTemplate(_ template: [UInt8], for pin: EmployeePIN, actor: String) async -> ZKTemplateInstall {
        switch await kiosk.installTemplate(template, for: pin, actor: actor) {
        case .stored(let slot): .stored(slot: slot)
        case .employeeAlreadyHasFinger: .employeeAlreadyHasFinger
        case .duplicateOf(let owner): .duplicateOf(owner)
        case .invalidTemplate(let reason), .failed(let reason): .refused(reason)
        }
    }

    func nowUTCMilliseconds() -> Int64 { clock.now().utcMilliseconds }

    /// By default refused while NTP keeps the clock: a LAN client's clock is no better than NTP.
    func setClock(utcMilliseconds utc: Int64, local: ZKDateTime, context: ZKQueryContext) async -> Bool {
        let synced = clock.now().quality == .synced
        let refuse = setTimePolicy == "refuse" || (setTimePolicy == "refuse-when-synced" && synced)
        guard !refuse else {
            logger.notice(
                "SET_TIME from a pull client refused",
                metadata: ["time": "\(local)", "policy": "\(setTimePolicy)", "peer": "\(context.peer)"])
            return false
        }
        switch SystemClockSetter.set(utcMilliseconds: utc) {
        case .success:
            try? database.recordScanEvent(kind: "clock_set", detail: "set to \(local) by pull client \(context.peer)", atMilliseconds: utc)
            logger.notice("clock set by a pull client", metadata: ["time": "\(local)", "peer": "\(context.peer)"])
            return true
        case .failure(let error):
            logger.error("SET_TIME from a pull client failed", metadata: ["error": "\(error.reason)"])
            return false
        }
    }

    func restart() async { await kiosk.restart() }
}
