import Synchronization

/// Set once a server's time was accepted in this boot (`[clock] authority = "server"`): from then
/// on punches count as synced even though the kernel, without NTP, still says unsynchronised.
public final class ServerClockTrust: Sendable {
    private let trusted = Mutex(false)

    public init() {}

    public var isTrusted: Bool { trusted.withLock { $0 } }

    func trust() { trusted.withLock { $0 = true } }
}
