import HadirScanner
import HadirSimulator
import Synchronization

/// Serves a ``FaceModuleEmulator`` on a pty master in real time, from its own thread: reads the
/// host's bytes, ticks the module by its `nextDeadline`, writes back what it says.
final class FaceModulePTYServer: Sendable {
    let pty: TestPTY
    private let shared: Shared
    private let thread: BlockingThread<Void>

    init(_ module: FaceModuleEmulator) throws {
        let pty = try TestPTY()
        let shared = Shared(module)
        self.pty = pty
        self.shared = shared
        thread = BlockingThread {
            while !shared.stopping.load(ordering: .acquiring) {
                // Wake for the module's next event, and at least every 20 ms to notice `stop()`.
                let now = shared.now
                let wait = shared.module.withLock { $0.nextDeadline }.map { Int32(clamping: max(0, min(20, $0 - now))) } ?? 20
                let received = pty.receive(count: 1, timeoutMilliseconds: wait)
                let output = shared.module.withLock { module in
                    received.isEmpty ? module.tick(now: shared.now) : module.receive(received, now: shared.now)
                }
                if !output.isEmpty { pty.send(output) }
            }
        }
    }

    /// A face steps in front of the camera now.
    func show(face: Int) {
        shared.module.withLock { $0.show(face: face, now: shared.now) }
    }

    var users: FaceUserStore { shared.module.withLock { $0.users } }

    /// Ends the responder thread and waits for it.
    func stop() {
        shared.stopping.store(true, ordering: .releasing)
        _ = thread.value()
    }

    /// What the responder thread and the test share.
    private final class Shared: Sendable {
        let module: Mutex<FaceModuleEmulator>
        let stopping = Atomic(false)
        let start = ContinuousClock.now

        init(_ module: FaceModuleEmulator) {
            self.module = Mutex(module)
        }

        /// The module's clock: milliseconds since the server started.
        var now: Int64 {
            let elapsed = ContinuousClock.now - start
            return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        }
    }
}
