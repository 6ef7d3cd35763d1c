/// How close the state directory's disk is to full.
public enum StorageLevel: String, Codable, Sendable, Comparable {
    case ok
    /// Below `[storage] warn_free_mb`: plan a clean-up.
    case warning
    /// Below `[storage] critical_free_mb`: act now, punches may soon be refused.
    case critical
    /// A punch was refused because the disk is full; cleared by the next stored punch.
    case full

    /// The level for `freeBytes` under the configured thresholds (a threshold of 0 is off).
    public static func of(freeBytes: Int64, thresholds: StorageThresholds) -> StorageLevel {
        if freeBytes < thresholds.criticalFreeBytes { return .critical }
        if freeBytes < thresholds.warnFreeBytes { return .warning }
        return .ok
    }

    var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .critical: 2
        case .full: 3
        }
    }

    public static func < (lhs: StorageLevel, rhs: StorageLevel) -> Bool { lhs.rank < rhs.rank }
}

/// `[storage] warn_free_mb` and `critical_free_mb`, in bytes.
public struct StorageThresholds: Sendable, Hashable {
    public var warnFreeBytes: Int64
    public var criticalFreeBytes: Int64

    public init(warnFreeMegabytes: Int, criticalFreeMegabytes: Int) {
        warnFreeBytes = Int64(warnFreeMegabytes) * 1_048_576
        criticalFreeBytes = Int64(criticalFreeMegabytes) * 1_048_576
    }
}
