import Synchronization

/// The admin page's login state shared by the routes and the auth middleware: sessions and the
/// lockout behind one lock, on the monotonic clock.
public final class AdminGate: Sendable {
    private struct State {
        var sessions: AdminSessions
        var lockout: AdminLockout
    }

    private let state: Mutex<State>
    private let now: @Sendable () -> Double

    /// `now`: monotonic seconds; tests pass their own.
    public init(
        sessionTimeoutSeconds: Double, lockout: AdminLockout.Policy, maximumSessions: Int = 8,
        now: @escaping @Sendable () -> Double = AdminGate.uptimeSeconds
    ) {
        state = Mutex(
            State(
                sessions: AdminSessions(timeoutSeconds: sessionTimeoutSeconds, maximumSessions: maximumSessions),
                lockout: AdminLockout(policy: lockout)))
        self.now = now
    }

    public var sessionTimeoutSeconds: Double { state.withLock { $0.sessions.timeoutSeconds } }

    public func admit(address: String) -> AdminLockout.Admission {
        let now = now()
        return state.withLock { $0.lockout.admit(address: address, now: now) }
    }

    public func loginFailed(address: String) -> AdminLockout.FailureOutcome {
        let now = now()
        return state.withLock { $0.lockout.recordFailure(address: address, now: now) }
    }

    /// Clears the address's failures and opens a session; returns its token (the cookie value).
    public func loginSucceeded(address: String) -> String {
        let now = now()
        let token = Self.randomToken()
        state.withLock {
            $0.lockout.recordSuccess(address: address)
            $0.sessions.open(token: token, address: address, now: now)
        }
        return token
    }

    /// True for a live session, whose timeout then restarts.
    public func touch(token: String) -> Bool {
        let now = now()
        return state.withLock { $0.sessions.touch(token: token, now: now) }
    }

    @discardableResult
    public func logout(token: String) -> Bool {
        state.withLock { $0.sessions.close(token: token) }
    }

    /// 256 random bits as 64 hex digits (SystemRandomNumberGenerator is getrandom(2) on Linux).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<64).map { _ in digits[Int.random(in: 0..<16, using: &generator)] })
    }

    public static let uptimeSeconds: @Sendable () -> Double = {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    private static let start = ContinuousClock.now
}
