import Dispatch
import HadirStore
import Synchronization

/// Runs ``HadirDatabase/probeWriter()`` off the cooperative pool with a time bound, for the
/// watchdog. A probe stuck on a wedged writer is not stacked: later calls fail at once until it
/// returns, so a hung database cannot eat threads.
final class DatabaseWriterProbe: Sendable {
    let database: HadirDatabase
    private let inFlight = Mutex(false)

    init(database: HadirDatabase) {
        self.database = database
    }

    /// True when the writer answered within `bound`.
    func answers(within bound: Duration) async -> Bool {
        let started = inFlight.withLock { busy in
            guard !busy else { return false }
            busy = true
            return true
        }
        guard started else { return false }
        let milliseconds = Int(bound.components.seconds * 1000 + bound.components.attoseconds / 1_000_000_000_000_000)
        return await withCheckedContinuation { continuation in
            let answer = OneShotAnswer(continuation)
            // A plain thread, not the cooperative pool: a wedged writer blocks this call.
            DispatchQueue.global().async {
                let ok = (try? self.database.probeWriter()) != nil
                self.inFlight.withLock { $0 = false }
                answer.resume(ok)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(max(1, milliseconds))) {
                answer.resume(false)
            }
        }
    }
}

/// Resumes a continuation once, whichever of the probe and its timer comes first.
private final class OneShotAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Bool) {
        let pending = continuation.withLock { slot in
            defer { slot = nil }
            return slot
        }
        pending?.resume(returning: value)
    }
}
