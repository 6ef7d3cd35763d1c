import Synchronization

/// A flag the awaiting task raises when it is cancelled and the transfer thread polls from
/// libcurl's progress callback, which then aborts the transfer.
final class CurlCancellation: Sendable {
    private let raised = Atomic(false)

    /// Asks the transfer to stop.
    func cancel() {
        raised.store(true, ordering: .releasing)
    }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool {
        raised.load(ordering: .acquiring)
    }
}
