import NIOCore
import Synchronization

/// Everything a session loop reacts to, merged into one stream so one task owns the state machine.
enum ZKConnectionInput: Sendable {
    case bytes(ByteBuffer)
    case peerClosed
    case event(ZKLiveEvent)
    case eventAckTimeout(generation: Int)
    case tick
}

/// Ticks for idle checks, once a session opens, plus the ack timers a session starts.
final class ZKSessionTimers: Sendable {
    let stream: AsyncStream<ZKConnectionInput>
    let continuation: AsyncStream<ZKConnectionInput>.Continuation
    private let tickSeconds: Double
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    init(tickSeconds: Double) {
        (stream, continuation) = AsyncStream<ZKConnectionInput>.makeStream()
        self.tickSeconds = tickSeconds
    }

    /// Starts the idle ticks (a connection without a session has none: the gate times it out).
    func startTicking() {
        let continuation = continuation
        let seconds = tickSeconds
        ticker.withLock {
            $0?.cancel()
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(seconds))
                    continuation.yield(.tick)
                }
            }
        }
    }

    /// After `seconds`, yields an ack timeout for `generation` (stale ones are ignored by the loop).
    func startEventAckTimer(generation: Int, seconds: Double) {
        let continuation = continuation
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            continuation.yield(.eventAckTimeout(generation: generation))
        }
    }

    func stop() {
        ticker.withLock { $0?.cancel() }
        continuation.finish()
    }
}
