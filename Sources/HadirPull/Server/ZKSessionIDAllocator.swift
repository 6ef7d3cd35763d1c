import Synchronization

/// Hands out session ids 1…0x1FFF, never two live sessions the same one.
///
/// pyzk adds the id to the comm key without wrapping and crashes for ids of 0x2000 and up with
/// some keys (reference §1); ids rotate so a reconnecting client does not get its old id.
public final class ZKSessionIDAllocator: Sendable {
    public static let maximumID: UInt16 = 0x1FFF

    private struct State {
        var live: Set<UInt16> = []
        var next: UInt16 = 1
    }

    private let state = Mutex(State())

    public init() {}

    /// A fresh id, or nil when all 8,191 are live.
    public func allocate() -> UInt16? {
        state.withLock { state in
            guard state.live.count < Int(Self.maximumID) else { return nil }
            while state.live.contains(state.next) { state.next = state.next % Self.maximumID + 1 }
            let id = state.next
            state.live.insert(id)
            state.next = id % Self.maximumID + 1
            return id
        }
    }

    public func release(_ id: UInt16) {
        _ = state.withLock { $0.live.remove(id) }
    }

    public var liveCount: Int { state.withLock { $0.live.count } }
}
