/// The bookkeeping behind ``ConnectionGate``: who is open, from where, and whether each
/// connection has proven itself with a complete request. Pure, so the admission rules are tested
/// without sockets.
///
/// A newcomer over a limit replaces the oldest connection in the same scope (its address for the
/// per-address cap, everyone for the total) that has not sent a complete request yet: a flood of
/// silent or half-open sockets can then never lock out a real client, which sends its request
/// within a round trip. Only when every connection in scope has proven itself is the newcomer
/// refused.
public struct ConnectionTable<Key: Hashable & Sendable>: Sendable {
    /// What to do with a newcomer.
    public enum Decision: Equatable, Sendable {
        /// Keep it; close `evicting` (an older connection that never sent a request) if set.
        case admit(evicting: Key?)
        case refuse(ConnectionRefusal)
    }

    struct Entry: Sendable {
        let address: String?
        let order: UInt64
        var proven: Bool
    }

    public let limits: ConnectionLimits
    private var entries: [Key: Entry] = [:]
    private var perAddress: [String: Int] = [:]
    private var nextOrder: UInt64 = 0

    public init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Connections open now.
    public var count: Int { entries.count }

    /// Decides about a newcomer from `address` and, when admitted, records it (and forgets the evicted one).
    public mutating func admit(_ key: Key, address: String?) -> Decision {
        var evicting: Key?
        if let address, let cap = limits.maximumPerAddress, perAddress[address, default: 0] >= cap {
            guard let victim = oldestUnproven(from: address) else { return .refuse(.perAddressLimit) }
            evicting = victim
        } else if entries.count >= limits.maximumConnections {
            guard let victim = oldestUnproven(from: nil) else { return .refuse(.connectionLimit) }
            evicting = victim
        }
        if let evicting { release(evicting) }
        entries[key] = Entry(address: address, order: nextOrder, proven: false)
        nextOrder += 1
        if let address { perAddress[address, default: 0] += 1 }
        return .admit(evicting: evicting)
    }

    /// The connection sent a complete request: it is no longer evictable.
    public mutating func markProven(_ key: Key) {
        entries[key]?.proven = true
    }

    public func isProven(_ key: Key) -> Bool {
        entries[key]?.proven ?? false
    }

    /// Forgets a closed connection; false when it was not (or no longer) open here.
    @discardableResult
    public mutating func release(_ key: Key) -> Bool {
        guard let entry = entries.removeValue(forKey: key) else { return false }
        if let address = entry.address {
            let left = perAddress[address, default: 1] - 1
            perAddress[address] = left > 0 ? left : nil
        }
        return true
    }

    /// Linear, but over at most `maximumConnections` entries, and only when a limit is reached.
    private func oldestUnproven(from address: String?) -> Key? {
        entries.filter { !$0.value.proven && (address == nil || $0.value.address == address) }
            .min { $0.value.order < $1.value.order }?.key
    }
}

/// Why a connection was closed as soon as it arrived.
public enum ConnectionRefusal: String, Sendable, Equatable {
    /// The listener's total was reached and every open connection had sent a request.
    case connectionLimit = "connection_limit"
    /// Its address had its share open, each of them past its first request.
    case perAddressLimit = "per_address_limit"
}
