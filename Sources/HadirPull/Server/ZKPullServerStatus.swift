import HadirConnectionLimits
import Synchronization

/// Counters and live figures of the pull server, for status and metrics.
public struct ZKPullServerStatus: Sendable, Equatable, Codable {
    public var listening: Bool = false
    public var tcpPort: Int?
    public var udpPort: Int?
    public var tcpSessions: Int = 0
    public var udpSessions: Int = 0
    /// Sessions that sent DISABLEDEVICE and not yet ENABLEDEVICE (punching goes on regardless).
    public var disabledSessions: Int = 0
    public var sessionsServed: Int = 0
    public var authenticationFailures: Int = 0
    public var refusedByAllowList: Int = 0
    public var refusedOverSessionLimit: Int = 0
    /// Sessions refused because the client's address already held `max_sessions_per_address`.
    public var refusedOverAddressLimit: Int = 0
    /// TCP connections: open, peak, and those the limits closed.
    public var connections = ConnectionGateStatus()
    public var rateLimited: Int = 0
    public var badFrames: Int = 0
    public var refusedReadOnly: Int = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case listening
        case tcpPort = "tcp_port"
        case udpPort = "udp_port"
        case tcpSessions = "tcp_sessions"
        case udpSessions = "udp_sessions"
        case disabledSessions = "disabled_sessions"
        case sessionsServed = "sessions_served"
        case authenticationFailures = "authentication_failures"
        case refusedByAllowList = "refused_by_allow_list"
        case refusedOverSessionLimit = "refused_over_session_limit"
        case refusedOverAddressLimit = "refused_over_address_limit"
        case connections
        case rateLimited = "rate_limited"
        case badFrames = "bad_frames"
        case refusedReadOnly = "refused_read_only"
    }
}

/// Thread-safe holder of ``ZKPullServerStatus``.
final class ZKPullServerCounters: Sendable {
    private let status = Mutex(ZKPullServerStatus())

    func update(_ body: (inout ZKPullServerStatus) -> Void) { status.withLock { body(&$0) } }
    var snapshot: ZKPullServerStatus { status.withLock { $0 } }
}
