import Synchronization

/// Fans recorded punches out to the sessions that may want live events, without ever blocking
/// the punch path: each subscriber has a small buffer that drops the oldest when full.
public final class ZKLiveEventHub: Sendable {
    private let subscribers = Mutex([Int: AsyncStream<ZKLiveEvent>.Continuation]())
    private let nextID = Atomic(0)

    public init() {}

    /// Sends `event` to every subscriber.
    public func publish(_ event: ZKLiveEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// A stream of events from now on; it ends when the subscriber's task ends iterating it.
    public func subscribe() -> AsyncStream<ZKLiveEvent> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<ZKLiveEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    var subscriberCount: Int { subscribers.withLock { $0.count } }
}
