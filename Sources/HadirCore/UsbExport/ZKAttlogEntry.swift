/// One journal row as the USB attlog needs it: who, when (UTC and the zone it was shown in),
/// state and verify codes, and which row it re-times if it is a clock correction.
public struct ZKAttlogEntry: Hashable, Sendable {
    public var seq: Int64
    public var pin: String
    public var utcMilliseconds: Int64
    public var zoneOffsetSeconds: Int32
    public var state: UInt8
    public var verify: UInt8
    public var correctsSeq: Int64?

    public init(
        seq: Int64, pin: String, utcMilliseconds: Int64, zoneOffsetSeconds: Int32, state: UInt8, verify: UInt8,
        correctsSeq: Int64? = nil
    ) {
        self.seq = seq
        self.pin = pin
        self.utcMilliseconds = utcMilliseconds
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.state = state
        self.verify = verify
        self.correctsSeq = correctsSeq
    }

    /// The wall time the punch is shown at, in its own zone.
    public var localTime: LocalDateTime {
        LocalDateTime(utcMilliseconds: utcMilliseconds, offsetSeconds: zoneOffsetSeconds)
    }
}
