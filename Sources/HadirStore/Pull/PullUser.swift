import HadirCore

/// A user as the pull protocol presents them.
///
/// `privilege`, `password` and `card` are the ZK user record's fields: the kiosk stores them for
/// pull clients and never acts on them.
public struct PullUser: Sendable, Equatable {
    /// The device-internal user number pull clients address users by (1…32767).
    public var uid: UInt16
    public var pin: EmployeePIN
    public var name: String
    /// Bit 0 disabled, bits 1–3 role (0 user, 2 enroller, 6 manager, 14 admin).
    public var privilege: UInt8
    public var password: String
    public var card: UInt32

    public init(uid: UInt16, pin: EmployeePIN, name: String, privilege: UInt8 = 0, password: String = "", card: UInt32 = 0) {
        self.uid = uid
        self.pin = pin
        self.name = name
        self.privilege = privilege
        self.password = password
        self.card = card
    }
}

/// What ``HadirDatabase/writePullUser(_:actor:)`` did.
public enum PullUserWriteResult: Sendable, Equatable {
    /// A new user was stored under `uid`.
    case added(uid: UInt16, pin: EmployeePIN)
    /// The user's fields changed (or they moved to `uid`).
    case updated(uid: UInt16, pin: EmployeePIN)
    /// The stored user was already identical; nothing was written or audited.
    case unchanged(uid: UInt16, pin: EmployeePIN)
}

/// What ``HadirDatabase/removePullUser(uid:actor:)`` removed.
public struct PullUserRemoval: Sendable, Equatable {
    public var pin: EmployeePIN
    /// The user's finger slot, now waiting in `orphan_slots` to be deleted from the module.
    public var orphanedSlot: UInt16?

    public init(pin: EmployeePIN, orphanedSlot: UInt16?) {
        self.pin = pin
        self.orphanedSlot = orphanedSlot
    }
}

/// A stored finger template as a pull client downloads it.
public struct PullTemplate: Sendable, Equatable {
    public var uid: UInt16
    public var pin: EmployeePIN
    /// The module's template bytes, opaque to pull clients.
    public var template: [UInt8]

    public init(uid: UInt16, pin: EmployeePIN, template: [UInt8]) {
        self.uid = uid
        self.pin = pin
        self.template = template
    }
}
