/// Failed admin logins counted per client address and across all addresses, with a lockout once
/// either count reaches its limit. Pure: the caller passes the monotonic time in seconds, so the
/// rules are tested without waiting.
public struct AdminLockout: Sendable {
    public struct Policy: Sendable, Hashable {
        /// Wrong PINs from one address before it is locked out.
        public var maximumFailures: Int
        /// How long a lockout lasts; also how long a failure is remembered.
        public var lockoutSeconds: Double
        /// Wrong PINs from all addresses together before every login is locked out, so guessing
        /// from many addresses gains nothing.
        public var maximumGlobalFailures: Int

        public init(maximumFailures: Int, lockoutSeconds: Double, maximumGlobalFailures: Int? = nil) {
            self.maximumFailures = maximumFailures
            self.lockoutSeconds = lockoutSeconds
            self.maximumGlobalFailures = maximumGlobalFailures ?? maximumFailures * 4
        }
    }

    /// Whether a login may be tried now.
    public enum Admission: Sendable, Hashable {
        case allowed
        /// Refused; try again after this many whole seconds.
        case lockedOut(remainingSeconds: Int)
    }

    /// What a wrong PIN led to.
    public enum FailureOutcome: Sendable, Hashable {
        /// Counted; this many tries remain before a lockout.
        case counted(remainingAttempts: Int)
        /// This failure started a lockout of the address (or of every address when `global`).
        case lockedOut(seconds: Int, global: Bool)
    }

    struct Counter: Sendable, Hashable {
        var failures = 0
        var lastFailure = 0.0
        var lockedUntil: Double?
    }

    public let policy: Policy
    private(set) var addresses: [String: Counter] = [:]
    private(set) var global = Counter()
    /// Addresses remembered at most; the stalest are forgotten first.
    static let maximumAddresses = 1024

    public init(policy: Policy) {
        self.policy = policy
    }

    /// May `address` try a PIN at `now`?
    public mutating func admit(address: String, now: Double) -> Admission {
        expire(now: now)
        let until = [addresses[address]?.lockedUntil, global.lockedUntil].compactMap { $0 }.max()
        guard let until, until > now else { return .allowed }
        return .lockedOut(remainingSeconds: Int((until - now).rounded(.up)))
    }

    /// Counts a wrong PIN from `address`.
    public mutating func recordFailure(address: String, now: Double) -> FailureOutcome {
        expire(now: now)
        var counter = addresses[address] ?? Counter()
        counter.failures += 1
        counter.lastFailure = now
        global.failures += 1
        global.lastFailure = now
        let seconds = Int(policy.lockoutSeconds.rounded(.up))
        var outcome = FailureOutcome.counted(remainingAttempts: max(0, policy.maximumFailures - counter.failures))
        if counter.failures >= policy.maximumFailures {
            counter.lockedUntil = now + policy.lockoutSeconds
            outcome = .lockedOut(seconds: seconds, global: false)
        }
        if global.failures >= policy.maximumGlobalFailures {
            global.lockedUntil = now + policy.lockoutSeconds
            outcome = .lockedOut(seconds: seconds, global: true)
        }
        addresses[address] = counter
        forgetStalest()
        return outcome
    }

    /// The right PIN: the address starts afresh, and so does the global count (whoever knows the
    /// PIN is here, so the guesses before were not a working attack).
    public mutating func recordSuccess(address: String) {
        addresses[address] = nil
        global = Counter()
    }

    /// Ends lockouts that are over and forgets failures older than a lockout.
    private mutating func expire(now: Double) {
        let memory = policy.lockoutSeconds
        func expired(_ counter: Counter) -> Bool {
            if let until = counter.lockedUntil { return until <= now }
            return now - counter.lastFailure >= memory
        }
        addresses = addresses.filter { !expired($0.value) }
        if global.failures > 0 && expired(global) { global = Counter() }
    }

    private mutating func forgetStalest() {
        guard addresses.count > Self.maximumAddresses else { return }
        let stalest = addresses.filter { $0.value.lockedUntil == nil }.min { $0.value.lastFailure < $1.value.lastFailure }
        if let stalest { addresses[stalest.key] = nil }
    }
}
