/// One 40-byte attendance record (spec §6), the format pyzk reads from the bulk buffer.
public struct ZKAttendanceRecord: Sendable, Equatable {
    /// The user's slot number.
    public var uid: UInt16
    /// The user's PIN (at most 24 UTF-8 bytes on the wire).
    public var userID: String
    /// How the user verified: 1 fingerprint, 3 password, 4 card, 15 face.
    public var verify: UInt8
    /// The local wall time of the punch.
    public var time: ZKDateTime
    /// 0 check-in, 1 check-out, 2 break-out, 3 break-in, 4 overtime-in, 5 overtime-out, 255 undefined.
    public var state: UInt8

    /// A record from its fields.
    public init(uid: UInt16, userID: String, verify: UInt8, time: ZKDateTime, state: UInt8) {
        self.uid = uid
        self.userID = userID
        self.verify = verify
        self.time = time
        self.state = state
    }

    /// The record length in bytes.
    public static let size = 40

    /// Appends exactly 40 bytes: uid, user_id[24], verify, packed time, state, 8 reserved zeros.
    ///
    /// Callers pass valid times in 2000–2099. Should one slip through, the packed time written is
    /// 0 (2000-01-01 00:00:00) rather than a clamped or garbage value: an impossible date aborts
    /// a whole pyzk download, an obviously wrong but valid one costs only that record.
    public func encode(into buffer: inout [UInt8]) {
        ZKLittleEndian.append(uid, to: &buffer)
        ZKFixedText.append(userID, width: 24, to: &buffer)
        buffer.append(verify)
        ZKLittleEndian.append(ZKPackedTime.encode(time) ?? 0, to: &buffer)
        buffer.append(state)
        ZKFixedText.appendZeros(8, to: &buffer)
    }

    /// Decodes one 40-byte record (for tests and tools).
    ///
    /// Throws `.wrongLength` for any other length and `.invalidField` for a packed time that is an
    /// impossible date (e.g. Feb 31), as pyzk would choke on it.
    public static func decode(_ bytes: some Collection<UInt8>) throws(ZKRecordError) -> ZKAttendanceRecord {
        let bytes = Array(bytes)
        guard bytes.count == size else {
            throw .wrongLength(what: "attendance record", expected: [size], actual: bytes.count)
        }
        let time = ZKPackedTime.decode(ZKLittleEndian.uint32(bytes, at: 27))
        guard time.isValid else {
            throw .invalidField(what: "attendance time", reason: "impossible date \(time)")
        }
        return ZKAttendanceRecord(
            uid: ZKLittleEndian.uint16(bytes, at: 0),
            userID: ZKFixedText.decode(bytes, at: 2, count: 24),
            verify: bytes[26],
            time: time,
            state: bytes[31])
    }
}
