import Synchronization

/// Lets the daemon report READY only once every control listener is bound: systemd (and
/// scripts) may call hadirctl the moment the unit is up.
public final class ControlReadiness: Sendable {
    private struct State {
        var pending: Int
        var finished = false
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    private let state: Mutex<State>

    public init(listeners: Int) {
        state = Mutex(State(pending: listeners))
    }

    /// One listener is bound.
    public func listenerBound() {
        resume { state in
            state.pending -= 1
            return state.pending <= 0 ? true : nil
        }
    }

    /// The services stopped (or failed) before every listener was bound.
    public func finish() {
        resume { state in
            state.finished = true
            return state.pending <= 0
        }
    }

    /// True once every listener is bound; false if the services ended first.
    public func wait() async -> Bool {
        await withCheckedContinuation { continuation in
            let answer: Bool? = state.withLock { state in
                if state.pending <= 0 { return true }
                if state.finished { return false }
                state.waiters.append(continuation)
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    private func resume(_ update: (inout State) -> Bool?) {
        let (waiters, answer): ([CheckedContinuation<Bool, Never>], Bool?) = state.withLock { state in
            guard let answer = update(&state) else { return ([], nil) }
            defer { state.waiters = [] }
            return (state.waiters, answer)
        }
        if let answer { for waiter in waiters { waiter.resume(returning: answer) } }
    }
}
