import Foundation
import HadirCore
import HadirScanner
import HadirSimulator
import HadirStore
import HadirUplink
import Logging
import Testing

@testable import HadirDaemon

/// Templates a server sends go through the module and the single-finger rule, exactly like a
/// kiosk enrollment: the real driver, over a real pty, against the emulated module.
@Suite(.serialized) struct DaemonKioskTests {
    final class Rig {
        let directory = NSTemporaryDirectory() + "hadir-kiosk-\(UUID().uuidString.prefix(8))"
        let simulator: SimulatorServer
        let database: HadirDatabase
        let scanner: ScannerService
        let kiosk: DaemonKiosk
        let templateSize: Int
        var tasks: [Task<Void, Never>] = []

        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var options = SimulatorServerOptions()
            options.stateDirectory = directory + "/sim"
            options.linkPath = directory + "/scanner"
            simulator = try SimulatorServer(options: options)
            templateSize = options.module.templateSize
            let server = simulator
            Thread.detachNewThread { server.run() }
            database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
            let logger = Logger(label: "test")
            let hub = FeedbackHub(printsLines: false, logger: logger)
            let recorder = try PunchRecorder(
                database: database, clock: SystemClock(), profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 0),
                deviceSerial: "HDRTEST", hub: hub, language: .indonesian, logger: logger)
            var configuration = HadirConfiguration.Scanner()
            configuration.path = directory + "/scanner"
            configuration.reconnectMinimumMilliseconds = 50
            configuration.reconnectMaximumMilliseconds = 200
            let path = configuration.path
            scanner = ScannerService(
                configuration: configuration, makeTransport: { TTYTransport(path: path) }, recorder: recorder, database: database, hub: hub,
                language: .indonesian, logger: logger)
            kiosk = DaemonKiosk(
                database: database, scanners: ScannerSet([scanner]), recorder: recorder,
                enrollment: EnrollmentCoordinator(
                    database: database, scanners: ScannerSet([scanner]), hub: hub, language: .indonesian, logger: logger),
                clockAuthority: "ntp", zoneOffsetSeconds: 25_200, logger: logger)
            let scanner = self.scanner
            tasks.append(Task { try? await scanner.run() })
        }

        func waitForScanner() async throws {
            for _ in 0..<2000 where !scanner.status.connected { try await Task.sleep(for: .milliseconds(10)) }
            try #require(scanner.status.connected)
        }

        func template(finger: Int) -> [UInt8] { VirtualFinger(id: finger)!.template(size: templateSize) }

        func stop() {
            for task in tasks { task.cancel() }
            simulator.requestStop()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func serverTemplatesFollowTheSingleFingerRule() async throws {
        let rig = try Rig()
        defer { rig.stop() }
        try await rig.waitForScanner()
        let ani = try EmployeePIN("2001")
        let budi = try EmployeePIN("2002")
        try rig.database.upsertUser(Employee(pin: ani, name: "Ani"), actor: "test")
        try rig.database.upsertUser(Employee(pin: budi, name: "Budi"), actor: "test")

        guard case .stored(let slot) = await rig.kiosk.installTemplate(rig.template(finger: 11), for: ani) else {
            Issue.record("Ani's first finger should be stored")
            return
        }
        #expect(try rig.database.fingerSlot(pin: ani)?.slot == slot)
        // The same physical finger for someone else: Return 5 territory.
        #expect(await rig.kiosk.installTemplate(rig.template(finger: 11), for: budi) == .duplicateOf(ani))
        // A second finger for Ani: Return 2.
        #expect(await rig.kiosk.installTemplate(rig.template(finger: 12), for: ani) == .employeeAlreadyHasFinger)
        guard case .stored(let budiSlot) = await rig.kiosk.installTemplate(rig.template(finger: 12), for: budi) else {
            Issue.record("Budi's finger should be stored")
            return
        }
        #expect(budiSlot != slot)
        // Deleting through the server removes the template from the module as well.
        try await rig.kiosk.deleteFinger(of: ani)
        #expect(try rig.database.fingerSlot(pin: ani) == nil)
        let moduleSlots = try await rig.scanner.perform { try await $0.list() }
        #expect(moduleSlots == [budiSlot])
        #expect(try rig.database.fingerAudit(moduleSlots: moduleSlots).isClean)
    }

    @Test func aServerClockIsRefusedUnlessTheServerIsTheAuthority() async throws {
        let rig = try Rig()
        defer { rig.stop() }
        let outcome = await rig.kiosk.setClock(local: LocalDateTime(year: 2030, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        #expect(outcome == .refusedByPolicy("[clock] authority is ntp"))
    }
}
