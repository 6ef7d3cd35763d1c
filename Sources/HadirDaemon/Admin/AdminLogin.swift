import Dispatch
import HadirControl
import HadirCore
import HadirStore
import Logging

/// Checks technician PINs against `[admin] pin_hash` under the lockout, opens sessions, and
/// records every attempt in the audit log and the log (never the PIN itself).
///
/// Attempts run one at a time on their own queue: the PBKDF2 check costs a tenth of a second and
/// should not hold a concurrency thread, and concurrent guesses cannot slip past the lockout
/// count before their failures are recorded.
final class AdminLogin: Sendable {
    enum Outcome: Sendable, Hashable {
        case loggedIn(token: String)
        case wrongPIN(remainingAttempts: Int)
        case lockedOut(remainingSeconds: Int)
        case disabled
    }

    let pinHash: AdminPINHash?
    /// Nil when the page is disabled.
    let gate: AdminGate?
    private let database: HadirDatabase
    private let logger: Logger
    private let queue = DispatchQueue(label: "hadir.admin-login")
    static let actor = "admin-page"

    init(_ settings: HadirConfiguration.Admin, database: HadirDatabase, logger: Logger, now: (@Sendable () -> Double)? = nil) {
        pinHash = settings.pinHash
        gate = settings.pinHash.map { _ in
            AdminGate(
                sessionTimeoutSeconds: Double(settings.sessionTimeoutSeconds),
                lockout: AdminLockout.Policy(maximumFailures: settings.maxFailedAttempts, lockoutSeconds: Double(settings.lockoutSeconds)),
                now: now ?? AdminGate.uptimeSeconds)
        }
        self.database = database
        self.logger = logger
    }

    func login(pin: String, address: String) async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.attempt(pin: pin, address: address)) }
        }
    }

    func logout(token: String, address: String) {
        guard let gate, gate.logout(token: token) else { return }
        logger.notice("admin page logout", metadata: ["address": "\(address)"])
        audit(.adminLogout, "from \(address)")
    }

    private func attempt(pin: String, address: String) -> Outcome {
        guard let pinHash, let gate else { return .disabled }
        if case .lockedOut(let seconds) = gate.admit(address: address) {
            logger.warning("admin login refused: locked out", metadata: ["address": "\(address)", "remaining_s": "\(seconds)"])
            // Logged, not audited: a client hammering a locked door must not grow the audit log.
            return .lockedOut(remainingSeconds: seconds)
        }
        if pinHash.matches(pin) {
            let token = gate.loginSucceeded(address: address)
            logger.notice("admin page login", metadata: ["address": "\(address)"])
            audit(.adminLogin, "from \(address)")
            return .loggedIn(token: token)
        }
        switch gate.loginFailed(address: address) {
        case .counted(let remaining):
            logger.warning("admin login failed: wrong PIN", metadata: ["address": "\(address)", "remaining_attempts": "\(remaining)"])
            audit(.adminLoginFailed, "from \(address): wrong PIN, \(remaining) tries left")
            return .wrongPIN(remainingAttempts: remaining)
        case .lockedOut(let seconds, let global):
            let scope = global ? "every address" : address
            logger.warning("admin login locked out", metadata: ["address": "\(address)", "scope": "\(scope)", "lockout_s": "\(seconds)"])
            audit(.adminLoginFailed, "from \(address): wrong PIN")
            audit(.adminLockout, "\(scope) locked out for \(seconds) s after wrong PINs from \(address)")
            return .lockedOut(remainingSeconds: seconds)
        }
    }

    private func audit(_ action: AuditAction, _ detail: String) {
        do {
            try database.recordAudit(action: action, detail: detail, actor: Self.actor)
        } catch {
            logger.error("cannot write the admin login to the audit log", metadata: ["error": "\(error)"])
        }
    }
}
