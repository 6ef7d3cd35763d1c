import HadirScanner
import HadirSimulator
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The simulator's face module behind an in-memory transport, on a virtual clock.
///
/// The emulator's time moves only when the driver reads: a read advances it to the emulator's next
/// deadline (or by the read's timeout), so a 10 s VERIFY finishes at once and tests do not depend
/// on the machine's speed. Only a module with nothing to do waits in real time, as a silent line.
final class EmulatedFaceTransport: ScannerTransport {
    /// Sees each host command before the module does; may change the module (arm a fault, hide
    /// the face) as the physical world would at that moment.
    typealias CommandHook = @Sendable (EFAACommand, inout FaceModuleEmulator, _ now: Int64) -> Void
    /// Replaces one frame the module sends with the bytes the host receives instead.
    typealias FrameRewrite = @Sendable (EFAAFrame) -> [UInt8]

    private struct State {
        var module: FaceModuleEmulator
        var now: Int64 = 0
        var toHost: [UInt8] = []
        var hostDecoder = EFAAFrameDecoder()
        var commands: [EFAACommand] = []
        var onCommand: CommandHook?
        var rewrite: FrameRewrite?
        var isOpen = false
        var hungUp = false
        var openCount = 0
    }

    private let state: Mutex<State>
    let description = "emulated face module"

    init(_ module: FaceModuleEmulator = FaceModuleEmulator()) {
        state = Mutex(State(module: module))
    }

    /// Every command the host sent, in order.
    var commands: [EFAACommand] { state.withLock { $0.commands } }
    var commandIDs: [EFAACommandID] { commands.map(\.id) }
    var module: FaceModuleEmulator { state.withLock { $0.module } }
    var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Starts the command record afresh (after the commands of `open()`).
    func forgetCommands() { state.withLock { $0.commands = [] } }

    /// Changes the module or the world in front of it, at the current virtual time.
    func world(_ change: (inout FaceModuleEmulator, _ now: Int64) -> Void) {
        state.withLock { change(&$0.module, $0.now) }
    }

    func show(face: Int) { world { $0.show(face: face, now: $1) } }
    func hide() { world { $0.hide(now: $1) } }
    func arm(_ fault: FaceFault, count: Int = 1) { world { module, _ in module.arm(fault, count: count) } }

    func onCommand(_ hook: CommandHook?) { state.withLock { $0.onCommand = hook } }
    func rewrite(_ rewrite: FrameRewrite?) { state.withLock { $0.rewrite = rewrite } }

    /// Puts bytes on the line as if the module sent them unasked.
    func inject(_ bytes: [UInt8]) { state.withLock { $0.toHost += bytes } }

    /// Unplugs the module: further I/O reports a disconnected device.
    func hangUp() { state.withLock { $0.hungUp = true } }

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
            state.hostDecoder.feed(bytes)
            while let frame = try? state.hostDecoder.next() {
                guard let command = try? EFAACommand(frame: frame) else { continue }
                state.commands.append(command)
                state.onCommand?(command, &state.module, state.now)
            }
            Self.deliver(state.module.receive(bytes, now: state.now), to: &state)
        }
    }

    func read(maxCount: Int, timeout: Duration) throws(ScannerTransportError) -> [UInt8] {
        let bytes = try state.withLock { (state: inout State) throws(ScannerTransportError) -> [UInt8] in
            guard state.isOpen else { throw .notOpen }
            if state.toHost.isEmpty, state.module.isBusy {
                // The module is working: let virtual time run to its next event, within the wait.
                let horizon =
                    state.now + Int64(timeout.components.seconds) * 1000
                    + (timeout.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                state.now = max(state.now, min(state.module.nextDeadline ?? horizon, horizon))
                Self.deliver(state.module.tick(now: state.now), to: &state)
            }
            if state.toHost.isEmpty, state.hungUp { throw .disconnected }
            let chunk = Array(state.toHost.prefix(maxCount))
            state.toHost.removeFirst(chunk.count)
            return chunk
        }
        if bytes.isEmpty, timeout > .zero, !module.isBusy {
            // Nothing will ever come from an idle module: a quiet line, in real time.
            var request = timespec(tv_sec: Int(timeout.components.seconds), tv_nsec: Int(timeout.components.attoseconds / 1_000_000_000))
            nanosleep(&request, nil)
        }
        return bytes
    }

    /// Queues the module's output for the host, through the rewrite if one is set.
    private static func deliver(_ output: [UInt8], to state: inout State) {
        guard let rewrite = state.rewrite else {
            state.toHost += output
            return
        }
        var decoder = EFAAFrameDecoder()
        decoder.feed(output)
        while let frame = try? decoder.next() {
            state.toHost += rewrite(frame)
        }
    }
}

/// Module → host frames, as a test builds them.
enum FaceWire {
    static func bytes(_ message: EFAAMessage) -> [UInt8] {
        (try? message.frame().encoded) ?? []
    }

    static func reply(_ command: EFAACommandID, _ result: EFAAResult, _ payload: EFAAReplyPayload = .none) -> [UInt8] {
        bytes(.reply(EFAAReply(command: command, result: result, payload: payload)))
    }

    static let ready = bytes(.note(.ready))

    /// `frame` as received with its parity byte flipped.
    static func corrupted(_ frame: [UInt8]) -> [UInt8] {
        var bytes = frame
        bytes[bytes.count - 1] ^= 0xFF
        return bytes
    }

    /// Whether `frame` is the module's REPLY to `command`.
    static func isReply(_ frame: EFAAFrame, to command: EFAACommandID) -> Bool {
        frame.messageID == EFAAMessage.replyID && frame.data.first == command.rawValue
    }

    /// The message a module frame carries, nil when it is not one.
    static func message(_ frame: EFAAFrame) -> EFAAMessage? {
        try? EFAAMessage(frame: frame)
    }
}
