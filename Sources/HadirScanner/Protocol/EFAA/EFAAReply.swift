/// A REPLY (msg id 0x00): which command it answers, its result, and the command's fields.
public struct EFAAReply: Hashable, Sendable {
    /// The command answered, as sent on the wire (a module may answer ids this codec does not know).
    public var command: UInt8
    public var result: EFAAResult
    public var payload: EFAAReplyPayload

    public init(command: UInt8, result: EFAAResult, payload: EFAAReplyPayload = .none) {
        self.command = command
        self.result = result
        self.payload = payload
    }

    public init(command: EFAACommandID, result: EFAAResult, payload: EFAAReplyPayload = .none) {
        self.init(command: command.rawValue, result: result, payload: payload)
    }

    /// Reads REPLY data. Fields are parsed only on success (and for ENROLL progress): a failed
    /// command's trailing bytes are kept raw, since firmwares differ in what they put there.
    public init(data: [UInt8]) throws(EFAAFrameError) {
        guard data.count >= 2 else { throw .badLength(what: "REPLY", expected: 2, received: data.count) }
        command = data[0]
        result = EFAAResult(code: data[1])
        let fields = Array(data.dropFirst(2))
        guard result == .success, let id = EFAACommandID(rawValue: command) else {
            payload = fields.isEmpty ? .none : .raw(fields)
            return
        }
        payload = try EFAAReplyPayload(command: id, fields: fields)
    }

    /// REPLY data: command, result, fields.
    public var data: [UInt8] {
        [command, result.code] + payload.fields
    }
}

/// The fields after command and result, by command.
public enum EFAAReplyPayload: Hashable, Sendable {
    case none
    /// GET_STATUS.
    case status(EFAAModuleStatus)
    /// VERIFY success.
    case verified(EFAAUserInfo, unlockStatus: UInt8)
    /// ENROLL, ENROLL_SINGLE, ENROLL_ITG: `userID` is nil (0xFFFF) while directions are missing.
    case enrolled(userID: UInt16?, directions: EFAADirections)
    /// GET_USER_INFO.
    case userInfo(EFAAUserInfo)
    /// GET_ALL_USERID: count (u8) then ids.
    case userIDs([UInt16])
    /// GET_VERSION, GET_SN: NUL-terminated text.
    case text(String)
    /// Bytes this codec does not interpret.
    case raw([UInt8])

    init(command: EFAACommandID, fields: [UInt8]) throws(EFAAFrameError) {
        func need(_ count: Int) throws(EFAAFrameError) {
            guard fields.count >= count else { throw .badLength(what: "\(command) reply", expected: count + 2, received: fields.count + 2) }
        }
        func user(at offset: Int) -> UInt16 { UInt16(fields[offset]) << 8 | UInt16(fields[offset + 1]) }
        switch command {
        case .getStatus:
            try need(1)
            self = .status(EFAAModuleStatus(code: fields[0]))
        case .verify:
            try need(36)
            self = .verified(
                EFAAUserInfo(userID: user(at: 0), name: EFAAName.decode(fields[2..<34]), admin: fields[34] != 0),
                unlockStatus: fields[35])
        case .enroll, .enrollSingle, .enrollIntegrated:
            try need(3)
            let id = user(at: 0)
            self = .enrolled(userID: id == 0xFFFF ? nil : id, directions: EFAADirections(rawValue: fields[2]))
        case .getUserInfo:
            try need(35)
            self = .userInfo(EFAAUserInfo(userID: user(at: 0), name: EFAAName.decode(fields[2..<34]), admin: fields[34] != 0))
        case .getAllUserIDs:
            try need(1)
            let count = Int(fields[0])
            try need(1 + 2 * count)
            self = .userIDs((0..<count).map { user(at: 1 + 2 * $0) })
        case .getVersion, .getSerialNumber:
            self = .text(EFAAName.decode(fields))
        case .reset, .deleteUser, .deleteAll:
            self = fields.isEmpty ? .none : .raw(fields)
        }
    }

    var fields: [UInt8] {
        var bytes: [UInt8] = []
        switch self {
        case .none:
            break
        case .status(let status):
            bytes = [status.code]
        case .verified(let user, let unlockStatus):
            bytes.appendBigEndian(user.userID)
            bytes += EFAAName.encode(user.name) + [user.admin ? 1 : 0, unlockStatus]
        case .enrolled(let userID, let directions):
            bytes.appendBigEndian(userID ?? 0xFFFF)
            bytes.append(directions.rawValue)
        case .userInfo(let user):
            bytes.appendBigEndian(user.userID)
            bytes += EFAAName.encode(user.name) + [user.admin ? 1 : 0]
        case .userIDs(let ids):
            // The count is one byte; a module holds at most 100 faces.
            let ids = ids.prefix(255)
            bytes.append(UInt8(ids.count))
            for id in ids { bytes.appendBigEndian(id) }
        case .text(let text):
            bytes = Array(text.utf8.prefix(EFAAName.length)) + [0]
        case .raw(let raw):
            bytes = raw
        }
        return bytes
    }
}

/// A face enrolled in the module.
public struct EFAAUserInfo: Hashable, Sendable {
    public var userID: UInt16
    public var name: String
    public var admin: Bool

    public init(userID: UInt16, name: String, admin: Bool = false) {
        self.userID = userID
        self.name = name
        self.admin = admin
    }
}

/// GET_STATUS.
public enum EFAAModuleStatus: Hashable, Sendable {
    case standby, busy, error, uninitialised
    case other(UInt8)

    public init(code: UInt8) {
        switch code {
        case 0: self = .standby
        case 1: self = .busy
        case 2: self = .error
        case 3: self = .uninitialised
        default: self = .other(code)
        }
    }

    public var code: UInt8 {
        switch self {
        case .standby: 0
        case .busy: 1
        case .error: 2
        case .uninitialised: 3
        case .other(let code): code
        }
    }
}
