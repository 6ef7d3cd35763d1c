/// A punch before it has a place in the journal: what the recorder decided, not yet sealed.
public struct PunchDraft: Hashable, Sendable, Codable {
    public var deviceSerial: String
    public var pin: EmployeePIN
    public var clock: ClockReading
    /// Offset of the office's zone from UTC, in seconds, used for local display (WIB = 25200).
    public var zoneOffsetSeconds: Int32
    public var verify: VerifyMethod
    public var state: PunchState
    public var classification: PunchClassification
    /// For correction rows: the seq of the punch this row corrects. Original rows are never updated.
    public var correctsSeq: Int64?

    public init(
        deviceSerial: String, pin: EmployeePIN, clock: ClockReading, zoneOffsetSeconds: Int32,
        verify: VerifyMethod, state: PunchState, classification: PunchClassification, correctsSeq: Int64? = nil
    ) {
        self.deviceSerial = deviceSerial
        self.pin = pin
        self.clock = clock
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.verify = verify
        self.state = state
        self.classification = classification
        self.correctsSeq = correctsSeq
    }
}

/// A punch as stored in the append-only journal: its place (`seq`) and its link in the hash chain.
public struct Punch: Hashable, Sendable, Codable {
    public var seq: Int64
    public var draft: PunchDraft
    /// SHA-256 of the previous punch (32 zero bytes for the first).
    public var previousHash: [UInt8]
    public var hash: [UInt8]

    public init(seq: Int64, draft: PunchDraft, previousHash: [UInt8], hash: [UInt8]) {
        self.seq = seq
        self.draft = draft
        self.previousHash = previousHash
        self.hash = hash
    }

    public var pin: EmployeePIN { draft.pin }
    public var utcMilliseconds: Int64 { draft.clock.utcMilliseconds }
}
