/// One pull client's session, as a pure state machine: packets and kiosk answers in, packets,
/// queries and effects out (the shape of SwiftNIO's and Hummingbird's connection state machines).
///
/// Replies are built only here, from the request being answered, so every reply echoes the
/// request's reply id, no reply ever answers an incoming ACK_OK, and no reply carries payload the
/// client does not read (reference §1, transport rules 1–2).
public struct ZKSessionStateMachine: Sendable {
    enum Phase: Sendable, Equatable {
        case awaitingConnect
        case awaitingAuthentication
        case established
        case closed
    }

    /// A query in flight and the request it answers.
    struct PendingQuery: Sendable, Equatable {
        var request: ZKPacket
        var query: ZKDeviceQuery
    }

    /// The buffer a PREPARE_BUFFER snapshotted, served until FREE_DATA or the session ends.
    struct BulkSnapshot: Sendable, Equatable {
        var bytes: [UInt8]
        var attendanceThroughSeq: Int64?
        /// Bytes served from the start without a gap: only a complete read counts as a download.
        var servedPrefix = 0
    }

    public let configuration: ZKSessionConfiguration
    /// Non-zero and at most 0x1FFF, allocated by the server (reference §1).
    public let sessionID: UInt16
    var phase: Phase = .awaitingConnect
    var pending: PendingQuery?
    var inventory: ZKInventory?
    var bulk: BulkSnapshot?
    /// Bytes a client is uploading with PREPARE_DATA/DATA (pyzk's save_user_template).
    var upload: [UInt8]?
    var uploadExpected = 0
    var queuedEvents: [ZKLiveEvent] = []
    var awaitingEventAck = false

    /// DISABLEDEVICE is per session and informational: employees keep punching (README).
    public internal(set) var isDeviceDisabled = false
    /// The REG_EVENT mask; bit 0 (EF_ATTLOG) asks for live punches.
    public internal(set) var eventMask: UInt32 = 0
    /// The highest seq this session fully downloaded; CLEAR_ATTLOG clears no further.
    public internal(set) var downloadedThroughSeq: Int64?

    /// Largest upload accepted: a user and ten templates fit many times over.
    static let maximumUpload = 256 * 1024

    public init(configuration: ZKSessionConfiguration, sessionID: UInt16) {
        self.configuration = configuration
        self.sessionID = sessionID
    }

    /// True once CONNECT (and AUTH, with a comm key) succeeded.
    public var isEstablished: Bool { phase == .established }
    /// True after EXIT or `close()`.
    public var isClosed: Bool { phase == .closed }
    /// Sessions waiting for live events send nothing for hours and must not be timed out.
    public var wantsLiveAttendance: Bool { phase == .established && eventMask & ZKEventFlag.attendance != 0 }
    /// True while a query is out: the server feeds no packet until it is answered.
    public var isAwaitingDevice: Bool { pending != nil }

    /// The connection or UDP peer went away: forget the snapshot and the disabled state.
    public mutating func close() {
        phase = .closed
        pending = nil
        bulk = nil
        upload = nil
        inventory = nil
        queuedEvents = []
        awaitingEventAck = false
        isDeviceDisabled = false
        eventMask = 0
    }

    func reply(_ command: ZKCommand, to request: ZKPacket, payload: [UInt8] = []) -> ZKPacket {
        ZKPacket(command: command, sessionID: sessionID, replyID: request.replyID, payload: payload)
    }

    func answer(_ command: ZKCommand, to request: ZKPacket, payload: [UInt8] = [], notices: [ZKSessionNotice] = []) -> ZKSessionOutput {
        ZKSessionOutput(packets: [reply(command, to: request, payload: payload)], notices: notices)
    }
}

/// REG_EVENT flags (reference §2).
public enum ZKEventFlag {
    public static let attendance: UInt32 = 1
}
