import HadirCore
import HadirStore
import HadirUplink
import Synchronization

/// An ``UplinkKiosk`` that records every call and answers with scripted outcomes. With a database it
/// also applies removals the way the daemon does, so the store reflects them.
final class FakeKiosk: UplinkKiosk {
    enum Call: Hashable, Sendable {
        case installTemplate([UInt8], EmployeePIN)
        case deleteFinger(EmployeePIN)
        case removeUser(EmployeePIN)
        case clearFingers
        case setClock(LocalDateTime)
        case setDuplicateWindow(seconds: Int)
        case startEnrollment(EmployeePIN)
        case restart
    }

    struct Script: Sendable {
        var install: TemplateInstallOutcome = .stored(slot: 1)
        var clock: ClockChangeOutcome = .applied
        var enrollment: ADMSReturnCode = .success
        /// Thrown by the throwing calls, when set.
        var failure: FakeKioskError?
    }

    private struct State {
        var calls: [(Call, ContinuousClock.Instant)] = []
        var script = Script()
    }

    private let state = Mutex(State())
    let database: HadirDatabase?

    init(database: HadirDatabase? = nil, _ edit: (inout Script) -> Void = { _ in }) {
        self.database = database
        state.withLock { edit(&$0.script) }
    }

    var firmwareVersion: String { "Hadir test" }

    var calls: [Call] { state.withLock { $0.calls.map(\.0) } }
    var timedCalls: [(Call, ContinuousClock.Instant)] { state.withLock { $0.calls } }

    func count(_ predicate: (Call) -> Bool) -> Int { calls.filter(predicate).count }

    func edit(_ body: (inout Script) -> Void) {
        state.withLock { body(&$0.script) }
    }

    private func record(_ call: Call) -> Script {
        state.withLock {
            $0.calls.append((call, .now))
            return $0.script
        }
    }

    func installTemplate(_ template: [UInt8], for pin: EmployeePIN) async -> TemplateInstallOutcome {
        record(.installTemplate(template, pin)).install
    }

    func deleteFinger(of pin: EmployeePIN) async throws {
        if let failure = record(.deleteFinger(pin)).failure { throw failure }
        _ = try database?.removeFinger(pin: pin, actor: "test")
    }

    func removeUser(_ pin: EmployeePIN) async throws {
        if let failure = record(.removeUser(pin)).failure { throw failure }
        _ = try database?.removeUser(pin: pin, actor: "test")
    }

    func clearFingers() async throws -> Int {
        if let failure = record(.clearFingers).failure { throw failure }
        guard let database else { return 0 }
        let fingers = try database.fingerSlots()
        for finger in fingers { _ = try database.removeFinger(pin: finger.pin, actor: "test") }
        return fingers.count
    }

    func setClock(local: LocalDateTime) async -> ClockChangeOutcome {
        record(.setClock(local)).clock
    }

    func setDuplicateWindow(seconds: Int) async {
        _ = record(.setDuplicateWindow(seconds: seconds))
    }

    /// Drifts reported after handshakes; kept apart from `calls`, which are what commands asked for.
    var observedDrifts: [Int64] { drifts.withLock { $0 } }
    private let drifts = Mutex<[Int64]>([])

    func serverClockObserved(driftMilliseconds: Int64) async {
        drifts.withLock { $0.append(driftMilliseconds) }
    }

    func startEnrollment(pin: EmployeePIN) async -> ADMSReturnCode {
        record(.startEnrollment(pin)).enrollment
    }

    func restart() async {
        _ = record(.restart)
    }
}

struct FakeKioskError: Error, Hashable, Sendable {
    var reason: String
}
