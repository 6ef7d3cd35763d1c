import Foundation
import HadirSimulator
import Testing

@testable import HadirScanner

/// The driver's AuraLedConfig against the emulated module over a real pty.
@Suite(.serialized)
struct ScannerDriverAuraLedTests {
    /// Runs `body` with a driver connected to a simulator configured by `module`.
    func withSimulator(
        _ module: EF01EmulatorConfiguration, _ body: (ScannerDriver, SimulatorServer) async throws -> Void
    ) async throws {
        let directory = NSTemporaryDirectory() + "hadir-led-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = SimulatorServerOptions()
        options.module = module
        options.linkPath = directory + "/scanner"
        let server = try SimulatorServer(options: options)
        // The server's poll loop blocks: it gets its own thread, not a cooperative one.
        Thread.detachNewThread { server.run() }
        defer { server.requestStop() }
        let driver = ScannerDriver(
            transport: TTYTransport(path: directory + "/scanner"), configuration: ScannerConfiguration(responseTimeout: .seconds(5)))
        _ = try await driver.connect()
        try await body(driver, server)
        await driver.close()
    }

    @Test func anR503RingShowsWhatTheDriverSets() async throws {
        try await withSimulator(.r503) { driver, server in
            try await driver.setAuraLed(EF01AuraLed(control: .breathing, speed: 0x80, colour: .blue, cycles: 0))
            #expect(server.snapshot().led == AuraLedState(control: 1, speed: 0x80, colour: 2, cycles: 0))
            try await driver.setAuraLed(EF01AuraLed(control: .on, speed: 0, colour: .green, cycles: 0))
            #expect(server.snapshot().led?.colourName == "green")
            #expect(server.snapshot().led?.controlName == "on")
        }
    }

    @Test func aModuleWithoutTheRingRefusesWithUnsupportedCommand() async throws {
        var zfm = EF01EmulatorConfiguration()
        zfm.hasAuraLed = false
        try await withSimulator(zfm) { driver, server in
            await #expect(throws: ScannerError.module(.unsupportedCommand)) {
                try await driver.setAuraLed(EF01AuraLed(control: .on, speed: 0, colour: .red, cycles: 0))
            }
            #expect(server.snapshot().led == nil)
            // The refusal leaves the link usable.
            let count = try await driver.count()
            #expect(count == 0)
        }
    }
}
