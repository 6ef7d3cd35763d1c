/// One listener's connection figures, for `hadirctl status` and metrics.
public struct ConnectionGateStatus: Sendable, Equatable, Codable {
    public var open: Int = 0
    /// The most open at once since start.
    public var peakOpen: Int = 0
    public var maximum: Int = 0
    /// Closed on arrival: the total cap was reached by connections that had all sent requests.
    public var refusedOverLimit: Int = 0
    /// Closed on arrival: their address already had its share open.
    public var refusedPerAddress: Int = 0
    /// Closed to make room: they had not sent a complete request when a newcomer needed the slot.
    public var evicted: Int = 0
    /// Closed because no complete request came within the first-request timeout.
    public var silentTimeouts: Int = 0

    public init() {}

    /// Every connection closed by the limits, whatever the reason.
    public var refusedTotal: Int { refusedOverLimit + refusedPerAddress + evicted + silentTimeouts }

    enum CodingKeys: String, CodingKey {
        case open, maximum, evicted
        case peakOpen = "peak_open"
        case refusedOverLimit = "refused_over_limit"
        case refusedPerAddress = "refused_per_address"
        case silentTimeouts = "silent_timeouts"
    }
}
