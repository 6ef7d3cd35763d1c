import Logging
import Synchronization
import Testing

@testable import HadirConnectionLimits

/// A flood of refusals becomes one line per interval, which then says how many were held back.
@Suite struct RefusalLogTests {
    final class Lines: Sendable {
        let lines = Mutex<[(String, Logger.Metadata?)]>([])
    }

    struct Capture: LogHandler {
        let sink: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            sink.lines.withLock { $0.append(("\(event.message)", event.metadata)) }
        }
    }

    @Test func repeatsWithinTheIntervalAreCountedNotLogged() async throws {
        let sink = Lines()
        let log = RefusalLog(logger: Logger(label: "test") { _ in Capture(sink: sink) }, intervalSeconds: 0.2)
        for _ in 0..<50 { log.log(.warning, kind: "frame", "bad frame") }
        log.log(.warning, kind: "rate", "rate exceeded")
        #expect(sink.lines.withLock { $0.map(\.0) } == ["bad frame", "rate exceeded"])
        try await Task.sleep(for: .milliseconds(250))
        log.log(.warning, kind: "frame", "bad frame")
        let last = sink.lines.withLock { $0.last }
        #expect(last?.1?["suppressed"] == "49")
    }
}
