import Foundation
import HadirStore
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import HadirDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// The watchdog service itself, with a real database and a real notify datagram socket: it pings
/// while both the scanner loop and the DB writer are alive, and withholds (saying why, once) when
/// either is not, so systemd restarts a wedged daemon.
@Suite(.serialized) struct WatchdogServiceTests {
    @Test func aStalledScannerLoopWithholdsPingsUntilItBeatsAgain() async throws {
        let rig = try Rig()
        try await rig.run { rig in
            #expect(await rig.receiver.pings(within: .seconds(4)) >= 1)  // a loaded CI core may delay ticks
            // The loop promised its next step within 100 ms, two seconds ago.
            rig.heartbeat.beat(within: .milliseconds(100), at: .now - .seconds(2))
            _ = await rig.receiver.pings(within: .milliseconds(250))
            #expect(await rig.receiver.pings(within: .seconds(1)) == 0)
            let withheld = rig.log.lines.filter { $0.hasPrefix("withholding watchdog ping") }
            #expect(withheld.count == 1, "once per episode: \(rig.log.lines)")
            #expect(withheld.first?.contains("scanner loop made no progress") == true)

            rig.heartbeat.beat(within: .seconds(30))
            #expect(await rig.receiver.pings(within: .seconds(4)) >= 1)  // a loaded CI core may delay ticks
            #expect(rig.log.lines.contains { $0.hasPrefix("watchdog pings resumed") })
        }
    }

    @Test func aDatabaseWriterThatCannotAnswerWithholdsPings() async throws {
        let rig = try Rig()
        try await rig.run { rig in
            #expect(await rig.receiver.pings(within: .seconds(4)) >= 1)  // a loaded CI core may delay ticks
            try rig.database.close()
            _ = await rig.receiver.pings(within: .milliseconds(250))
            #expect(await rig.receiver.pings(within: .seconds(1)) == 0)
            let withheld = rig.log.lines.first { $0.hasPrefix("withholding watchdog ping") }
            #expect(withheld?.contains("database writer has not answered") == true, "\(rig.log.lines)")
        }
    }
}

extension WatchdogServiceTests {
    /// A test-owned NOTIFY_SOCKET that counts WATCHDOG=1 datagrams.
    final class Receiver: Sendable {
        let path: String
        let fd: Int32

        init(directory: String) throws {
            path = directory + "/notify.sock"
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0)
            var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        /// WATCHDOG=1 datagrams that arrive within `window`. recv() blocks, so it runs on its own
        /// thread, off the cooperative pool the service needs.
        func pings(within window: Duration) async -> Int {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: self.countPings(within: window)) }.start()
            }
        }

        private func countPings(within window: Duration) -> Int {
            let deadline = ContinuousClock.now + window
            var count = 0
            var buffer = [UInt8](repeating: 0, count: 256)
            while ContinuousClock.now < deadline {
                let received = recv(fd, &buffer, buffer.count, 0)
                if received > 0, String(decoding: buffer[..<received], as: UTF8.self) == "WATCHDOG=1" { count += 1 }
            }
            return count
        }

        deinit { close(fd) }
    }

    /// Log messages (with their `reason`), shared by every copy of the handler.
    final class LogLines: Sendable {
        private let storage = Mutex<[String]>([])
        var lines: [String] { storage.withLock { $0 } }
        func append(_ line: String) { storage.withLock { $0.append(line) } }
    }

    struct CapturingLogHandler: LogHandler {
        let sink: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            sink.append("\(event.message)" + (event.metadata?["reason"].map { " reason=\($0)" } ?? ""))
        }
    }

    final class Rig: Sendable {
        let directory = NSTemporaryDirectory() + "hadir-watchdog-\(UUID().uuidString.prefix(8))"
        let receiver: Receiver
        let database: HadirDatabase
        let heartbeat = LoopHeartbeat()
        let log = LogLines()

        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            receiver = try Receiver(directory: directory)
            database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        }

        /// Runs the service (WatchdogSec 400 ms, so a tick every 200 ms) while `body` runs.
        func run(_ body: (Rig) async throws -> Void) async throws {
            let sink = log
            let logger = Logger(label: "watchdog-test") { _ in CapturingLogHandler(sink: sink) }
            let service = WatchdogService(
                notifier: SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.path]), timeout: .milliseconds(400),
                scanners: [heartbeat], probe: DatabaseWriterProbe(database: database), logger: logger)
            let group = ServiceGroup(services: [service], gracefulShutdownSignals: [], logger: Logger(label: "group"))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                do {
                    try await body(self)
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }
}
