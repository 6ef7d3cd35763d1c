import NIOCore

/// Everything a session loop reacts to, merged into one stream so one task owns the state machine.
enum ZKConnectionInput: Sendable {
    case bytes(ByteBuffer)
    case peerClosed
    case event(ZKLiveEvent)
    case eventAckTimeout(generation: Int)
    case tick
}

/// Ticks for idle checks, plus the ack timers a session starts.
struct ZKSessionTimers: Sendable {
    let stream: AsyncStream<ZKConnectionInput>
    let continuation: AsyncStream<ZKConnectionInput>.Continuation
    private let ticker: Task<Void, Never>

    init(tickSeconds: Double) {
        (stream, continuation) = AsyncStream<ZKConnectionInput>.makeStream()
        let continuation = continuation
        ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(tickSeconds))
                continuation.yield(.tick)
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
        ticker.cancel()
        continuation.finish()
    }
}
