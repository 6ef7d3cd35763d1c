import HadirCore

/// A wall-clock date and time with no zone, as ZK devices keep it: the kiosk's ``LocalDateTime``.
public typealias ZKDateTime = LocalDateTime

extension LocalDateTime {
    /// The wall time in a zone `zoneOffsetSeconds` east of UTC for the instant (ms since 1970 UTC).
    public init(utcMilliseconds: Int64, zoneOffsetSeconds: Int) {
        self.init(utcMilliseconds: utcMilliseconds, offsetSeconds: Int32(clamping: zoneOffsetSeconds))
    }

    /// The UTC instant (ms) of this wall time in that zone; nil for an impossible date (Feb 30,
    /// month 13, hour 24…) or zone offset, which must never become an instant.
    public func utcMilliseconds(zoneOffsetSeconds: Int) -> Int64? {
        guard isValid, let offset = Int32(exactly: zoneOffsetSeconds) else { return nil }
        return utcMilliseconds(offsetSeconds: offset)
    }
}
