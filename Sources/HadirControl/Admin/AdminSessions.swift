/// The technician page's logged-in sessions: random tokens in memory only (a restart logs
/// everyone out), each ending after `timeoutSeconds` without a request. Pure: the caller passes
/// the monotonic time in seconds.
public struct AdminSessions: Sendable {
    struct Session: Sendable, Hashable {
        var address: String
        var lastSeen: Double
    }

    public let timeoutSeconds: Double
    public let maximumSessions: Int
    private(set) var sessions: [String: Session] = [:]

    public init(timeoutSeconds: Double, maximumSessions: Int = 8) {
        self.timeoutSeconds = timeoutSeconds
        self.maximumSessions = maximumSessions
    }

    public var count: Int { sessions.count }

    /// Starts a session under `token`; when full, the least recently used one ends.
    public mutating func open(token: String, address: String, now: Double) {
        expire(now: now)
        if sessions.count >= maximumSessions, let oldest = sessions.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
            sessions[oldest.key] = nil
        }
        sessions[token] = Session(address: address, lastSeen: now)
    }

    /// True when `token` is a live session; the timeout then starts again (sliding).
    public mutating func touch(token: String, now: Double) -> Bool {
        expire(now: now)
        guard sessions[token] != nil else { return false }
        sessions[token]?.lastSeen = now
        return true
    }

    /// Ends the session (logout); false when there was none.
    @discardableResult
    public mutating func close(token: String) -> Bool {
        sessions.removeValue(forKey: token) != nil
    }

    private mutating func expire(now: Double) {
        sessions = sessions.filter { now - $0.value.lastSeen < timeoutSeconds }
    }
}
