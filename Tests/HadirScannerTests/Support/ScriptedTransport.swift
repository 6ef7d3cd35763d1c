import HadirCore
import Synchronization

@testable import HadirScanner

#if canImport(Glibc)
    import Glibc
#endif

/// A fake module: each expected command gets a canned reply, and anything else is recorded as a
/// failure. Host data packets (after DownChar) are collected for inspection.
final class ScriptedTransport: ScannerTransport {
    enum Reply: Sendable {
        case bytes([UInt8])
        case silence
        case hangUp
    }

    struct Step: Sendable {
        var expect: EF01Command
        var reply: Reply
        var times: Int
    }

    private struct State {
        var steps: [Step]
        var pending: [UInt8] = []
        var decoder = EF01FrameDecoder()
        var received: [EF01Command] = []
        var hostData: [EF01Packet] = []
        var failures: [String] = []
        var isOpen = false
        var hungUp = false
        var openCount = 0
    }

    private let state: Mutex<State>
    let description = "scripted transport"

    init(_ steps: [Step] = []) {
        state = Mutex(State(steps: steps))
    }

    /// Appends more expectations.
    func expect(_ command: EF01Command, _ reply: Reply, times: Int = 1) {
        state.withLock { $0.steps.append(Step(expect: command, reply: reply, times: times)) }
    }

    /// Puts bytes in the input buffer as if they arrived unasked.
    func inject(_ bytes: [UInt8]) {
        state.withLock { $0.pending += bytes }
    }

    var received: [EF01Command] { state.withLock { $0.received } }
    var hostData: [EF01Packet] { state.withLock { $0.hostData } }
    var failures: [String] { state.withLock { $0.failures } }
    var remainingSteps: [EF01Command] { state.withLock { $0.steps.map(\.expect) } }
    var isOpen: Bool { state.withLock { $0.isOpen } }
    var openCount: Int { state.withLock { $0.openCount } }

    func open() throws(ScannerTransportError) {
        state.withLock {
            $0.isOpen = true
            $0.hungUp = false
            $0.openCount += 1
        }
    }

    func close() {
        state.withLock { $0.isOpen = false }
    }

    func write(_ bytes: [UInt8]) throws(ScannerTransportError) {
        try state.withLock { (state: inout State) throws(ScannerTransportError) in
            guard state.isOpen else { throw .notOpen }
            if state.hungUp { throw .disconnected }
            state.decoder.feed(bytes)
            while true {
                let packet: EF01Packet?
                do {
                    packet = try state.decoder.next()
                } catch {
                    state.failures.append("host sent a bad frame: \(error)")
                    continue
                }
                guard let packet else { break }
                guard packet.type == .command else {
                    state.hostData.append(packet)
                    continue
                }
                guard let command = try? EF01Command(packet: packet) else {
                    state.failures.append("undecodable command \(packet.payload)")
                    continue
                }
                state.received.append(command)
                guard let step = state.steps.first else {
                    state.failures.append("unexpected \(command) after the script ended")
                    continue
                }
                guard step.expect == command else {
                    state.failures.append("expected \(step.expect), got \(command)")
                    continue
                }
                if step.times <= 1 {
                    state.steps.removeFirst()
                } else {
                    state.steps[0].times -= 1
                }
                switch step.reply {
                case .bytes(let reply): state.pending += reply
                case .silence: break
                case .hangUp: state.hungUp = true
                }
            }
        }
    }

    func read(maxCount: Int, timeout: Duration) throws(ScannerTransportError) -> [UInt8] {
        let bytes = try state.withLock { (state: inout State) throws(ScannerTransportError) -> [UInt8] in
            guard state.isOpen else { throw .notOpen }
            if !state.pending.isEmpty {
                let chunk = Array(state.pending.prefix(maxCount))
                state.pending.removeFirst(chunk.count)
                return chunk
            }
            if state.hungUp { throw .disconnected }
            return []
        }
        if bytes.isEmpty, timeout > .zero {
            // Like a quiet line: wait out the timeout (tests keep it short).
            var request = timespec(tv_sec: 0, tv_nsec: Int(timeout.components.attoseconds / 1_000_000_000))
            request.tv_sec = Int(timeout.components.seconds)
            nanosleep(&request, nil)
        }
        return bytes
    }
}

extension ScriptedTransport.Reply {
    /// An acknowledgement with `code` and `data`, from the default address.
    static func ack(_ code: UInt8, _ data: [UInt8] = []) -> Self {
        .bytes(EF01Acknowledgement(code: code, data: data).packet(address: 0xFFFF_FFFF).encoded())
    }
}

/// Collects enrollment stages reported from the driver's executor.
final class StageRecorder: Sendable {
    private let stages = Mutex<[EnrollStage]>([])

    func record(_ stage: EnrollStage) {
        stages.withLock { $0.append(stage) }
    }

    var recorded: [EnrollStage] { stages.withLock { $0 } }
}
