import Synchronization

/// Opens pull sessions within `[pull] max_sessions` and `max_sessions_per_address`, for TCP
/// connections and UDP clients alike: one address cannot take every session a kiosk has.
final class ZKSessionAdmission: Sendable {
    enum Refusal: Error, Equatable {
        case sessionLimit
        case perAddressLimit
    }

    let maximumSessions: Int
    let maximumPerAddress: Int
    private let ids: ZKSessionIDAllocator
    private let perAddress = Mutex<[String: Int]>([:])

    init(ids: ZKSessionIDAllocator, maximumSessions: Int, maximumPerAddress: Int) {
        self.ids = ids
        self.maximumSessions = maximumSessions
        self.maximumPerAddress = maximumPerAddress
    }

    /// A fresh session id for a client at `peer`, or why not.
    func open(for peer: String) -> Result<UInt16, Refusal> {
        perAddress.withLock { counts in
            // The whole first: with every session taken, that is the reason, whoever holds them.
            guard ids.liveCount < maximumSessions else { return .failure(.sessionLimit) }
            guard counts[peer, default: 0] < maximumPerAddress else { return .failure(.perAddressLimit) }
            guard let id = ids.allocate() else { return .failure(.sessionLimit) }
            counts[peer, default: 0] += 1
            return .success(id)
        }
    }

    func close(_ id: UInt16, for peer: String) {
        perAddress.withLock { counts in
            ids.release(id)
            let left = counts[peer, default: 1] - 1
            counts[peer] = left > 0 ? left : nil
        }
    }
}
