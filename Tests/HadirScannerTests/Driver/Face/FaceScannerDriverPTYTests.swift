import HadirCore
import HadirSimulator
import Testing

@testable import HadirScanner

/// The driver over a real tty at 115200, as the daemon runs it, with the simulated module on the
/// pty master. Timeouts are generous: nothing here asserts how long anything took.
@Suite(.serialized)
struct FaceScannerDriverPTYTests {
    @Test func enrollThenIdentifyOverATTY() async throws {
        let server = try FaceModulePTYServer(FaceModuleEmulator())
        defer { server.stop() }
        let transport = TTYTransport(path: server.pty.linkPath, baud: 115200)
        let configuration = FaceScannerConfiguration(responseTimeout: .seconds(10), releaseDelay: .milliseconds(5))
        let driver = FaceScannerDriver(transport: transport, configuration: configuration)

        let info = try await driver.open()
        server.pty.releaseSlave()
        #expect(info.detail == "hadir-sim FM225 1.0, serial HADIRSIMFACE0001")

        server.show(face: 42)
        let stages = StageRecorder()
        #expect(try await driver.enroll(label: "10042", excludingSlots: [], progress: stages.record) == .stored(slot: 1, template: []))
        #expect(stages.recorded.count == 5)
        #expect(try await driver.identify(within: .seconds(10)) == .matched(slot: 1, score: 0))
        #expect(try await driver.awaitRelease(timeout: .seconds(1)))
        #expect(try await driver.list() == [1])
        #expect(server.users.users[1]?.name == "10042")
        await driver.close()
    }
}
