import HadirCore

/// One line of the audit trail.
public struct AuditEntry: Hashable, Sendable {
    /// Increasing row id: the order actions happened in.
    public var id: Int64
    /// Wall-clock milliseconds since the epoch.
    public var atMilliseconds: Int64
    public var action: AuditAction
    public var pin: EmployeePIN?
    public var slot: UInt16?
    public var detail: String
    /// Who did it: "hadirctl", "kiosk", "adms", …
    public var actor: String

    public init(
        id: Int64, atMilliseconds: Int64, action: AuditAction, pin: EmployeePIN?, slot: UInt16?, detail: String,
        actor: String
    ) {
        self.id = id
        self.atMilliseconds = atMilliseconds
        self.action = action
        self.pin = pin
        self.slot = slot
        self.detail = detail
        self.actor = actor
    }
}
