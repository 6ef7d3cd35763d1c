import Foundation
import HadirCore
import HadirStore
import HadirUplink

/// An ``UplinkCommandExecutor`` with a real database in a temp directory and a ``FakeKiosk``.
final class ExecutorRig {
    static let server = "main"

    let directory: URL
    let database: HadirDatabase
    let kiosk: FakeKiosk
    let executor: UplinkCommandExecutor

    init(allServers: [String] = [ExecutorRig.server], _ script: (inout FakeKiosk.Script) -> Void = { _ in }) throws {
        (database, directory) = try ClientFixtures.temporaryDatabase()
        kiosk = FakeKiosk(database: database, script)
        executor = UplinkCommandExecutor(
            database: database, kiosk: kiosk, server: Self.server, allServers: allServers, zoneOffsetSeconds: ClientFixtures.zone)
    }

    deinit {
        try? database.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Executes `C:<id>:<text>` as the client would after parsing a getrequest reply.
    func run(_ text: String, id: String = "1") async -> UplinkCommandOutcome {
        await executor.execute(ClientFixtures.received(id, text))
    }

    /// Runs `text` and returns just its `Return=` code.
    func code(_ text: String) async -> Int {
        await run(text).result.returnCode.rawValue
    }

    @discardableResult
    func addEmployee(_ pin: String, name: String = "Pegawai") throws -> EmployeePIN {
        let pin = ClientFixtures.pin(pin)
        try database.upsertUser(Employee(pin: pin, name: name), actor: "test")
        return pin
    }

    func addFinger(_ pin: String, slot: UInt16, template: [UInt8] = [9, 8, 7]) throws {
        try database.assignFinger(pin: ClientFixtures.pin(pin), slot: slot, template: template, replace: false, actor: "test")
    }
}
