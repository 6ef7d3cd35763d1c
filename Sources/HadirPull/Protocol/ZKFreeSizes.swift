/// The GET_FREE_SIZES reply payload (spec §4): 23 int32, 92 bytes.
///
/// pyzk derives record sizes from these counts, so they must match the next bulk read exactly.
public struct ZKFreeSizes: Sendable, Equatable {
    /// The payload length in bytes.
    public static let size = 92

    /// Enrolled users (must equal the users the next bulk read returns).
    public var users: Int32
    /// Stored fingerprint templates.
    public var fingers: Int32
    /// Attendance records (must equal the records the next bulk read returns).
    public var records: Int32
    /// Operation-log entries.
    public var oplogs: Int32
    /// Users with an admin role.
    public var admins: Int32
    /// Users with a keypad password.
    public var passwords: Int32
    /// Templates the device can hold.
    public var fingerCapacity: Int32
    /// Users the device can hold.
    public var userCapacity: Int32
    /// Attendance records the device can hold.
    public var recordCapacity: Int32
    /// Free template slots.
    public var remainingFingers: Int32
    /// Free user slots.
    public var remainingUsers: Int32
    /// Free attendance-record slots.
    public var remainingRecords: Int32
    /// Stored face templates.
    public var faces: Int32
    /// Face templates the device can hold.
    public var faceCapacity: Int32

    /// Counts and capacities; each `remaining*` is derived as `max(0, capacity - count)`, and the
    /// oplog and password counts are 0 (Hadir keeps neither).
    public init(
        users: Int32, fingers: Int32, records: Int32, fingerCapacity: Int32, userCapacity: Int32, recordCapacity: Int32,
        faces: Int32 = 0, faceCapacity: Int32 = 0, admins: Int32 = 0
    ) {
        self.users = users
        self.fingers = fingers
        self.records = records
        self.oplogs = 0
        self.admins = admins
        self.passwords = 0
        self.fingerCapacity = fingerCapacity
        self.userCapacity = userCapacity
        self.recordCapacity = recordCapacity
        self.remainingFingers = Self.remaining(capacity: fingerCapacity, used: fingers)
        self.remainingUsers = Self.remaining(capacity: userCapacity, used: users)
        self.remainingRecords = Self.remaining(capacity: recordCapacity, used: records)
        self.faces = faces
        self.faceCapacity = faceCapacity
    }

    /// The 92-byte payload: the fields at int32 indices 4, 6, 8, 10, 12–20 and 22, all others 0.
    public func encoded() -> [UInt8] {
        var fields = [Int32](repeating: 0, count: Self.size / 4)
        for (index, value) in fieldsByIndex { fields[index] = value }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.size)
        for value in fields { ZKLittleEndian.append(value, to: &buffer) }
        return buffer
    }

    /// Reads the fields back from a payload of at least 92 bytes (for tests and tools).
    public static func decode(_ payload: [UInt8]) throws(ZKRecordError) -> ZKFreeSizes {
        guard payload.count >= size else {
            throw .wrongLength(what: "GET_FREE_SIZES reply", expected: [size], actual: payload.count)
        }
        func field(_ index: Int) -> Int32 { ZKLittleEndian.int32(payload, at: index * 4) }
        var sizes = ZKFreeSizes(
            users: field(4), fingers: field(6), records: field(8), fingerCapacity: field(14), userCapacity: field(15),
            recordCapacity: field(16), faces: field(20), faceCapacity: field(22), admins: field(12))
        sizes.oplogs = field(10)
        sizes.passwords = field(13)
        sizes.remainingFingers = field(17)
        sizes.remainingUsers = field(18)
        sizes.remainingRecords = field(19)
        return sizes
    }

    /// Each field with its int32 index in the payload.
    private var fieldsByIndex: [(Int, Int32)] {
        [
            (4, users), (6, fingers), (8, records), (10, oplogs), (12, admins), (13, passwords), (14, fingerCapacity),
            (15, userCapacity), (16, recordCapacity), (17, remainingFingers), (18, remainingUsers),
            (19, remainingRecords), (20, faces), (22, faceCapacity),
        ]
    }

    /// What is left of `capacity`; never negative, and overflow-free for any inputs.
    private static func remaining(capacity: Int32, used: Int32) -> Int32 {
        Int32(clamping: max(0, Int64(capacity) - Int64(used)))
    }
}
