import HadirStore

/// Work the session needs the kiosk to do (store, scanner, clock) before it can answer.
///
/// The state machine stays pure: it returns a query, the server performs it, and feeds the
/// ``ZKDeviceAnswer`` back through ``ZKSessionStateMachine/deviceAnswered(_:)``.
public enum ZKDeviceQuery: Sendable, Equatable {
    /// GET_FREE_SIZES: counts plus the users and attendance range the next bulk read serves.
    case inventory
    /// The attendance bulk buffer for `bounds` (nil: everything visible now).
    case attendanceBuffer(PullAttendanceBounds?)
    /// The users, when no inventory was taken first (clients that skip GET_FREE_SIZES).
    case users
    /// The templates bulk buffer (FCT 2).
    case templatesBuffer
    /// Command 88: one template.
    case template(uid: UInt16, finger: UInt8)
    /// USER_WRQ, through the same users table and audit as the uplink.
    case writeUser(ZKUser)
    /// Command 110 after an upload: the user, then their template under the single-finger rule.
    case saveUserTemplates(ZKUserTemplateUpload)
    /// DELETE_USER: the user, their finger slot and the template in the module.
    case deleteUser(uid: UInt16)
    /// DELETE_USERTEMP.
    case deleteTemplate(uid: UInt16, finger: UInt8)
    /// CLEAR_ATTLOG / CLEAR_DATA(attendance): clears only what this session downloaded and every
    /// uplink server acknowledged (nil: this session downloaded nothing).
    case clearAttendance(downloadedThroughSeq: Int64?)
    /// CLEAR_DATA without a table: users and fingers too, under the same attendance rule.
    case clearAllData(downloadedThroughSeq: Int64?)
    case getTime
    /// SET_TIME: applied or refused (and logged) by the kiosk's clock policy.
    case setTime(ZKDateTime)
}

/// The kiosk's answer to a ``ZKDeviceQuery``.
public enum ZKDeviceAnswer: Sendable, Equatable {
    case inventory(ZKInventory)
    case users([ZKUser])
    /// A bulk buffer; for attendance, the highest seq it holds.
    case buffer([UInt8], attendanceThroughSeq: Int64?)
    case template([UInt8]?)
    case time(ZKDateTime)
    /// Whether a write, delete, clear or set-time was done.
    case done(Bool)
}

extension ZKDeviceQuery {
    /// A short name for logs (the payloads can be large).
    public var name: String {
        switch self {
        case .inventory: "inventory"
        case .attendanceBuffer: "attendance buffer"
        case .users: "users"
        case .templatesBuffer: "templates buffer"
        case .template: "template"
        case .writeUser: "write user"
        case .saveUserTemplates: "save user and templates"
        case .deleteUser: "delete user"
        case .deleteTemplate: "delete template"
        case .clearAttendance: "clear attendance"
        case .clearAllData: "clear all data"
        case .getTime: "get time"
        case .setTime: "set time"
        }
    }
}
