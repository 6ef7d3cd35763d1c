import HadirStore
import Synchronization

/// What the daemon knows about its storage, shared by the recorder (a refused or stored punch),
/// the monitor (free space) and the control API (status, metrics).
///
/// A full disk is learned from the write that failed, not from free space: SQLite may still fit
/// a punch into pages it already owns, or fail although `statvfs` shows a few blocks left. So
/// "full" starts with a refused punch and ends with the next stored one.
public final class StorageHealth: Sendable {
    public let thresholds: StorageThresholds
    private let state = Mutex(State())

    struct State {
        var space: DiskSpace?
        var spaceLevel = StorageLevel.ok
        var fullSinceMilliseconds: Int64?
        var refusedPunches = 0
        var quarantine: QuarantineIncident?
    }

    public init(thresholds: StorageThresholds, quarantine: QuarantineIncident? = nil) {
        self.thresholds = thresholds
        state.withLock { $0.quarantine = quarantine }
    }

    /// Records a free-space reading; returns the new level when it differs from the last one.
    func recordSpace(_ space: DiskSpace) -> StorageLevel? {
        let level = StorageLevel.of(freeBytes: space.freeBytes, thresholds: thresholds)
        return state.withLock { state in
            state.space = space
            guard level != state.spaceLevel else { return nil }
            state.spaceLevel = level
            return level
        }
    }

    /// A punch was refused for lack of space; true when this starts a full episode.
    func punchRefused(atMilliseconds now: Int64) -> Bool {
        state.withLock { state in
            state.refusedPunches += 1
            guard state.fullSinceMilliseconds == nil else { return false }
            state.fullSinceMilliseconds = now
            return true
        }
    }

    /// A punch was stored; returns when the disk became full if this ends a full episode.
    func punchStored() -> Int64? {
        state.withLock { state in
            defer { state.fullSinceMilliseconds = nil }
            return state.fullSinceMilliseconds
        }
    }

    /// `hadirctl recover` ran on the quarantined file.
    func quarantineRecovered(_ summary: String) {
        state.withLock { $0.quarantine?.recovered = summary }
    }

    /// The state for `GET /v1/status` and the metrics.
    public var status: StorageStatus {
        state.withLock { state in
            StorageStatus(
                level: state.fullSinceMilliseconds == nil ? state.spaceLevel : .full, freeBytes: state.space?.freeBytes,
                totalBytes: state.space?.totalBytes, warnFreeBytes: thresholds.warnFreeBytes,
                criticalFreeBytes: thresholds.criticalFreeBytes, fullSinceMilliseconds: state.fullSinceMilliseconds,
                refusedPunches: state.refusedPunches, quarantined: state.quarantine)
        }
    }
}

/// Storage health in `GET /v1/status`.
public struct StorageStatus: Codable, Sendable, Hashable {
    /// "ok", "warning", "critical" (free space under a threshold) or "full" (punches refused).
    public var level: StorageLevel
    /// Free and total bytes under the state directory at the last check; nil before the first.
    public var freeBytes: Int64?
    public var totalBytes: Int64?
    public var warnFreeBytes: Int64
    public var criticalFreeBytes: Int64
    /// When the first punch was refused for lack of space; nil while punches are stored.
    public var fullSinceMilliseconds: Int64?
    /// Punches refused for lack of space since start.
    public var refusedPunches: Int
    /// The damaged database this one started after, kept for `hadirctl recover`.
    public var quarantined: QuarantineIncident?

    enum CodingKeys: String, CodingKey {
        case level, quarantined
        case freeBytes = "free_bytes"
        case totalBytes = "total_bytes"
        case warnFreeBytes = "warn_free_bytes"
        case criticalFreeBytes = "critical_free_bytes"
        case fullSinceMilliseconds = "full_since_ms"
        case refusedPunches = "refused_punches"
    }
}
