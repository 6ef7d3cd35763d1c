import HadirCore

/// What the uplink asks of the kiosk when a server command needs the scanner, the clock or the
/// process. The daemon implements it; the uplink never touches those directly.
public protocol UplinkKiosk: Sendable {
    /// Loads a server template into the module, searches the library with it, and stores it for
    /// `pin` only if the single-finger rule allows (reference: Return 2 / 5 otherwise).
    func installTemplate(_ template: [UInt8], for pin: EmployeePIN) async -> TemplateInstallOutcome
    /// Removes the employee's finger from the module and the database (none is fine).
    func deleteFinger(of pin: EmployeePIN) async throws
    /// Removes the employee, their finger included.
    func removeUser(_ pin: EmployeePIN) async throws
    /// Removes every finger, keeping the employees; returns how many were removed.
    func clearFingers() async throws -> Int
    /// Sets the wall clock to `local` (in the kiosk's zone) if the configured authority allows.
    func setClock(local: LocalDateTime) async -> ClockChangeOutcome
    /// A trustworthy server `Date` (round trip under 5 s) differed from our clock by `driftMilliseconds`
    /// (server minus kiosk). The kiosk corrects its clock only when configured server-authoritative.
    func serverClockObserved(driftMilliseconds: Int64) async
    /// Changes the duplicate window for later scans.
    func setDuplicateWindow(seconds: Int) async
    /// Starts enrollment for `pin` at the kiosk (the technician's flow, triggered remotely).
    func startEnrollment(pin: EmployeePIN) async -> ADMSReturnCode
    /// Exits so systemd restarts the daemon; called only after the result was reported.
    func restart() async
    /// Firmware version for INFO.
    var firmwareVersion: String { get }
}

/// How a server-sent template fared against the single-finger rule.
public enum TemplateInstallOutcome: Hashable, Sendable {
    case stored(slot: UInt16)
    /// The employee already has their one finger.
    case employeeAlreadyHasFinger
    /// The same physical finger is enrolled under someone else.
    case duplicateOf(EmployeePIN)
    /// The module rejected the bytes as a template.
    case invalidTemplate(String)
    case failed(String)
}

/// Whether a server's time was applied.
public enum ClockChangeOutcome: Hashable, Sendable {
    case applied
    /// Refused by configuration (NTP is the authority); logged, not an error on the server's side.
    case refusedByPolicy(String)
    case failed(String)
}
