import HadirCore

/// What a pull request may need beyond the store: the scanner module, the clock and the process.
public protocol ZKKioskActions: Sendable {
    /// Deletes templates whose employee or finger was removed (the slots are already orphaned in
    /// the store, so a power cut before this runs is caught up later).
    func deleteFromModule(slots: [UInt16], actor: String) async
    /// Loads a client's template into the module and stores it for `pin`, only if the
    /// single-finger rule allows: none yet for `pin`, and the finger enrolled under nobody else.
    func installTemplate(_ template: [UInt8], for pin: EmployeePIN, actor: String) async -> ZKTemplateInstall
    /// The kiosk's wall clock, UTC milliseconds.
    func nowUTCMilliseconds() -> Int64
    /// SET_TIME: applies or refuses (and logs) under the kiosk's clock policy.
    func setClock(utcMilliseconds: Int64, local: ZKDateTime, context: ZKQueryContext) async -> Bool
    /// RESTART was acknowledged: restart the kiosk.
    func restart() async
}

/// How a template from a pull client fared against the single-finger rule.
public enum ZKTemplateInstall: Sendable, Equatable {
    case stored(slot: UInt16)
    case employeeAlreadyHasFinger
    case duplicateOf(EmployeePIN)
    case refused(String)
}
