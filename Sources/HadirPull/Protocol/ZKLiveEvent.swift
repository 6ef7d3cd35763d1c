/// The 36-byte live-capture attendance event payload (spec §8): user_id[24], verify, state,
/// 6-byte time, 4-byte workcode (0).
///
/// 36 bytes because pyzk 0.9 accepts only 12, 32, 36 or >= 52: two 36-byte events in one read
/// still parse, two of the shorter forms crash it.
public struct ZKLiveEvent: Sendable, Equatable {
    /// The payload length in bytes.
    public static let size = 36

    /// The PIN that punched (keep it numeric: pyzk `int()`s unknown ones).
    public var userID: String
    /// How the user verified (1 fingerprint, 3 password, 4 card, 15 face).
    public var verify: UInt8
    /// The punch state (0 check-in, 1 check-out, …).
    public var state: UInt8
    /// The local wall time of the punch (2000–2099).
    public var time: ZKDateTime

    /// An event from its fields.
    public init(userID: String, verify: UInt8, state: UInt8, time: ZKDateTime) {
        self.userID = userID
        self.verify = verify
        self.state = state
        self.time = time
    }

    /// The 36-byte payload of a REG_EVENT packet with event flag EF_ATTLOG.
    public func encoded() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.size)
        ZKFixedText.append(userID, width: 24, to: &buffer)
        buffer.append(verify)
        buffer.append(state)
        buffer.append(contentsOf: ZKPackedTime.encodeLive(time))
        ZKFixedText.appendZeros(4, to: &buffer)  // workcode
        return buffer
    }

    /// Reads an event back from a 36-byte payload (for tests and tools).
    public static func decode(_ payload: [UInt8]) throws(ZKRecordError) -> ZKLiveEvent {
        guard payload.count == size, let time = ZKPackedTime.decodeLive(payload[26..<32]) else {
            throw .wrongLength(what: "live event", expected: [size], actual: payload.count)
        }
        return ZKLiveEvent(userID: ZKFixedText.decode(payload, at: 0, count: 24), verify: payload[24], state: payload[25], time: time)
    }
}
