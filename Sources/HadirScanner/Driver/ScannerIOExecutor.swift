import Dispatch

/// The serial executor a `ScannerDriver` runs on: a private dispatch queue.
///
/// Transport reads block in poll(2) (each bounded by the response timeout). Running the actor here
/// keeps those blocking calls off Swift's cooperative thread pool, which on a 2-core kiosk has only
/// two threads that the rest of the daemon needs.
final class ScannerIOExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
