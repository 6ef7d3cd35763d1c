import HadirStore

/// The counts GET_FREE_SIZES reports, taken together with what the next bulk read will serve.
///
/// pyzk derives record sizes from these counts and skips the read when one is 0, so the session
/// keeps this inventory and serves its users and attendance bounds at the following PREPARE_BUFFER.
public struct ZKInventory: Sendable, Equatable {
    public var users: [ZKUser]
    public var fingers: Int
    public var attendance: PullAttendanceBounds
    public var faces: Int
    public var userCapacity: Int
    public var fingerCapacity: Int
    public var recordCapacity: Int
    public var faceCapacity: Int

    public init(
        users: [ZKUser], fingers: Int, attendance: PullAttendanceBounds, faces: Int = 0, userCapacity: Int = 10_000,
        fingerCapacity: Int = 10_000, recordCapacity: Int = 1_000_000, faceCapacity: Int = 0
    ) {
        self.users = users
        self.fingers = fingers
        self.attendance = attendance
        self.faces = faces
        self.userCapacity = userCapacity
        self.fingerCapacity = fingerCapacity
        self.recordCapacity = recordCapacity
        self.faceCapacity = faceCapacity
    }

    /// The GET_FREE_SIZES payload for this inventory.
    var freeSizes: ZKFreeSizes {
        ZKFreeSizes(
            users: Self.clamp(users.count), fingers: Self.clamp(fingers), records: Self.clamp(attendance.count),
            fingerCapacity: Self.clamp(fingerCapacity), userCapacity: Self.clamp(userCapacity),
            recordCapacity: Self.clamp(recordCapacity), faces: Self.clamp(faces), faceCapacity: Self.clamp(faceCapacity),
            admins: Self.clamp(users.filter { $0.privilege & 0b1110 != 0 }.count))
    }

    private static func clamp(_ value: Int) -> Int32 { Int32(clamping: value) }
}
