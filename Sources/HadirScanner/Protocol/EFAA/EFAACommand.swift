/// A host → module command (reference §2), encoded as a frame whose msg id is the command id.
public enum EFAACommand: Hashable, Sendable {
    /// Stops the current job.
    case reset
    case getStatus
    case verify(EFAAVerifyRequest)
    case enroll(EFAAEnrollRequest)
    case enrollSingle(EFAAEnrollRequest)
    case enrollIntegrated(EFAAIntegratedEnrollRequest)
    case deleteUser(UInt16)
    case deleteAll
    case getUserInfo(UInt16)
    case getAllUserIDs
    case getVersion
    case getSerialNumber

    public var id: EFAACommandID {
        switch self {
        case .reset: .reset
        case .getStatus: .getStatus
        case .verify: .verify
        case .enroll: .enroll
        case .enrollSingle: .enrollSingle
        case .enrollIntegrated: .enrollIntegrated
        case .deleteUser: .deleteUser
        case .deleteAll: .deleteAll
        case .getUserInfo: .getUserInfo
        case .getAllUserIDs: .getAllUserIDs
        case .getVersion: .getVersion
        case .getSerialNumber: .getSerialNumber
        }
    }

    /// The command's data bytes.
    public var data: [UInt8] {
        switch self {
        case .reset, .getStatus, .deleteAll, .getAllUserIDs, .getVersion, .getSerialNumber:
            return []
        case .verify(let request):
            return [request.powerDownAfter ? 1 : 0, request.timeoutSeconds]
        case .enroll(let request), .enrollSingle(let request):
            return [request.admin ? 1 : 0] + EFAAName.encode(request.name) + [request.direction.rawValue, request.timeoutSeconds]
        case .enrollIntegrated(let request):
            return [request.admin ? 1 : 0] + EFAAName.encode(request.name)
                + [request.direction.rawValue, request.type, request.allowDuplicate ? 1 : 0, request.timeoutSeconds, 0, 0, 0]
        case .deleteUser(let user), .getUserInfo(let user):
            var bytes: [UInt8] = []
            bytes.appendBigEndian(user)
            return bytes
        }
    }

    public var frame: EFAAFrame {
        // Every command's data is at most 40 bytes, far below the 16-bit size limit.
        try! EFAAFrame(messageID: id.rawValue, data: data)
    }
}

/// VERIFY: look for a known face until `timeoutSeconds`.
public struct EFAAVerifyRequest: Hashable, Sendable {
    public var powerDownAfter: Bool
    public var timeoutSeconds: UInt8

    public init(powerDownAfter: Bool = false, timeoutSeconds: UInt8) {
        self.powerDownAfter = powerDownAfter
        self.timeoutSeconds = timeoutSeconds
    }
}

/// ENROLL and ENROLL_SINGLE: capture one direction of a new face.
public struct EFAAEnrollRequest: Hashable, Sendable {
    public var admin: Bool
    /// Stored in the module beside the face; cut to 32 UTF-8 bytes.
    public var name: String
    public var direction: EFAADirections
    public var timeoutSeconds: UInt8

    public init(admin: Bool = false, name: String, direction: EFAADirections, timeoutSeconds: UInt8) {
        self.admin = admin
        self.name = name
        self.direction = direction
        self.timeoutSeconds = timeoutSeconds
    }
}

/// ENROLL_ITG: as ENROLL, plus the enroll type and whether a face already enrolled may be added
/// again. The daemon always sends `allowDuplicate = false`, so the module refuses a second copy.
public struct EFAAIntegratedEnrollRequest: Hashable, Sendable {
    public var admin: Bool
    public var name: String
    public var direction: EFAADirections
    /// 0: interactive (one direction per command), 1: single frame.
    public var type: UInt8
    public var allowDuplicate: Bool
    public var timeoutSeconds: UInt8

    public init(
        admin: Bool = false, name: String, direction: EFAADirections, type: UInt8 = 0, allowDuplicate: Bool = false, timeoutSeconds: UInt8
    ) {
        self.admin = admin
        self.name = name
        self.direction = direction
        self.type = type
        self.allowDuplicate = allowDuplicate
        self.timeoutSeconds = timeoutSeconds
    }
}
