import Foundation
import Logging
import Synchronization

/// Fans feedback out to stdout (one JSON line each), the log, and every subscribed stream.
/// Events reach it only after the punch they describe has committed.
public final class FeedbackHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<FeedbackEvent>.Continuation]>([:])
    private let printsLines: Bool
    private let logger: Logger
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(printsLines: Bool, logger: Logger) {
        self.printsLines = printsLines
        self.logger = logger
    }

    public func publish(_ event: FeedbackEvent) {
        var event = event
        if event.publishedAtMilliseconds == nil { event.publishedAtMilliseconds = SystemClock.realtimeMilliseconds() }
        if printsLines, let data = try? encoder.encode(event) {
            StandardOutput.writeLine(data)
        }
        var metadata: Logger.Metadata = ["event": "\(event.event.rawValue)"]
        if let pin = event.pin { metadata["pin"] = "\(pin)" }
        if let seq = event.seq { metadata["seq"] = "\(seq)" }
        if let detail = event.detail { metadata["detail"] = "\(detail)" }
        logger.info("\(event.message)", metadata: metadata)
        for continuation in subscribers.withLock({ Array($0.values) }) {
            continuation.yield(event)
        }
    }

    /// A stream of every event published from now on; it ends when the caller stops iterating.
    public func subscribe() -> AsyncStream<FeedbackEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<FeedbackEvent>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }
}

/// Unbuffered whole-line writes to fd 1, so a line is either fully out or not at all when the
/// process is killed, and supervisors see it at once.
enum StandardOutput {
    static let lock = Mutex(())

    static func writeLine(_ data: Data) {
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                if written <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
