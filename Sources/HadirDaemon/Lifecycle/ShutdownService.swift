import Dispatch
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Signalled first when the group shuts down (it is the last service): sends STOPPING=1 and arms a
/// hard deadline, so SIGTERM ends the process within `deadline` even if some part ignores
/// cancellation. Punches are durable at commit, so the forced exit loses none.
struct ShutdownService: Service {
    let notifier: SystemdNotifier
    let deadline: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the group is already ending
        }
        notifier.notify("STOPPING=1")
        let logger = self.logger
        let milliseconds = Int(deadline.components.seconds * 1000 + deadline.components.attoseconds / 1_000_000_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
            logger.critical("shutdown overran its \(milliseconds) ms deadline; exiting now (committed punches are on disk)")
            _exit(1)
        }
    }
}
