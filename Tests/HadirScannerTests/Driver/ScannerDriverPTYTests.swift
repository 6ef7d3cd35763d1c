import Foundation
import Testing

@testable import HadirScanner

/// The driver over a real tty: the test plays the module on the pty master.
@Suite(.serialized)
struct ScannerDriverPTYTests {
    @Test func driverTalksToAModuleOverAPtyAndReportsItsHangUp() async throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        let driver = ScannerDriver(
            transport: transport, configuration: ScannerConfiguration(responseTimeout: .seconds(10)))

        let parameters = EF01SystemParameters(capacity: 300, packetSizeCode: 2)
        // The module runs on its own thread: its reads block, and must not take a cooperative thread.
        let module = BlockingThread { () -> [EF01Command] in
            var seen: [EF01Command] = []
            var decoder = EF01FrameDecoder()
            // Answer two commands.
            while seen.count < 2 {
                let bytes = pty.receive(count: 1, timeoutMilliseconds: 20_000)
                guard !bytes.isEmpty else { break }
                decoder.feed(bytes)
                guard let packet = try? decoder.next(), let command = try? EF01Command(packet: packet) else {
                    continue
                }
                seen.append(command)
                let reply: EF01Acknowledgement =
                    switch command {
                    case .readSysPara: EF01Acknowledgement(code: 0, data: parameters.bytes)
                    case .templateCount: EF01Acknowledgement(code: 0, data: [0, 42])
                    default: EF01Acknowledgement(code: 0xFC)
                    }
                // The R503's stray wake byte first, to be skipped.
                pty.send([0x55] + reply.packet(address: 0xFFFF_FFFF).encoded())
            }
            return seen
        }

        #expect(try await driver.connect() == parameters)
        pty.releaseSlave()
        #expect(try await driver.count() == 42)
        #expect(module.value() == [.readSysPara, .templateCount])
        // Hang up like an unplugged bridge (only now: a hang-up discards unread input).
        pty.closeMaster()
        #expect(await DriverFixture.error { try await driver.count() } == .transport(.disconnected))
        #expect(!transport.isOpen)
    }
}

/// Runs blocking work on a dedicated thread and hands back its result.
final class BlockingThread<Result: Sendable>: @unchecked Sendable {
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Result) {
        Thread.detachNewThread { [self] in
            result = body()
            done.signal()
        }
    }

    /// Waits for the thread to finish.
    func value() -> Result? {
        done.wait()
        return result
    }
}
