/// One punch as a pull snapshot carries it: only what the ZK attendance record needs.
public struct PullPunch: Sendable, Equatable {
    public var seq: Int64
    /// The employee PIN as stored (not re-validated: the snapshot must be cheap).
    public var pin: String
    public var utcMilliseconds: Int64
    /// The zone the punch was recorded in; the server encodes times in its configured zone.
    public var zoneOffsetSeconds: Int32
    /// ``HadirCore/VerifyMethod`` code.
    public var verify: UInt8
    /// ``HadirCore/PunchState`` code.
    public var state: UInt8

    public init(seq: Int64, pin: String, utcMilliseconds: Int64, zoneOffsetSeconds: Int32, verify: UInt8, state: UInt8) {
        self.seq = seq
        self.pin = pin
        self.utcMilliseconds = utcMilliseconds
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.verify = verify
        self.state = state
    }
}

/// Punches visible to pull clients when the snapshot was taken: every journal row above the clear
/// watermark, in seq order. Punches appended later are not in it.
public struct PullAttendanceSnapshot: Sendable, Equatable {
    /// The clear watermark the snapshot started above.
    public var clearedThroughSeq: Int64
    /// The highest seq included; equals ``clearedThroughSeq`` when ``punches`` is empty. A later
    /// CLEAR_ATTLOG of the session clears at most this far.
    public var throughSeq: Int64
    public var punches: [PullPunch]

    public init(clearedThroughSeq: Int64, throughSeq: Int64, punches: [PullPunch]) {
        self.clearedThroughSeq = clearedThroughSeq
        self.throughSeq = throughSeq
        self.punches = punches
    }
}

/// What a clear did.
public struct PullClearResult: Sendable, Equatable {
    /// Punches the clear hid from device views (0 when the watermark did not move).
    public var cleared: Int
    /// Punches still above the watermark afterwards.
    public var remaining: Int
    /// The watermark afterwards.
    public var throughSeq: Int64

    public init(cleared: Int, remaining: Int, throughSeq: Int64) {
        self.cleared = cleared
        self.remaining = remaining
        self.throughSeq = throughSeq
    }
}

/// One row of the clear archive (`pull_clears`): journal rows in `(fromSeq, throughSeq]` were
/// hidden from device views by this clear. They were never deleted.
public struct PullClearRecord: Sendable, Equatable, Codable {
    /// Increasing: the order clears happened in.
    public var id: Int64
    /// Wall-clock milliseconds since the epoch.
    public var atMilliseconds: Int64
    /// The pull client's address, or "uplink" for an ADMS server's CLEAR LOG.
    public var peer: String
    /// The watermark before the clear (exclusive).
    public var fromSeq: Int64
    /// The watermark after the clear (inclusive).
    public var throughSeq: Int64
    public var cleared: Int
    public var remaining: Int
    /// Who cleared, as the audit log names them ("server:<name>" for an uplink CLEAR LOG).
    public var actor: String

    public init(
        id: Int64, atMilliseconds: Int64, peer: String, fromSeq: Int64, throughSeq: Int64, cleared: Int, remaining: Int,
        actor: String
    ) {
        self.id = id
        self.atMilliseconds = atMilliseconds
        self.peer = peer
        self.fromSeq = fromSeq
        self.throughSeq = throughSeq
        self.cleared = cleared
        self.remaining = remaining
        self.actor = actor
    }
}

extension AuditAction {
    /// The device log was cleared (the watermark moved, or a clear was refused); the detail names
    /// the peer or server.
    public static let clearLog = AuditAction(rawValue: "clear-log")
}
