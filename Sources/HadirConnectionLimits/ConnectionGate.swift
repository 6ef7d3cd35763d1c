import NIOCore
import Synchronization

/// Admission control for one listener's accepted connections: a cap on the total and per client
/// address, eviction of connections that never sent a request, and a deadline for the first one.
///
/// Shared by the accepted channels' ``ConnectionGateHandler``s (one per connection, each on its
/// own event loop), hence the lock. The rules themselves live in ``ConnectionTable``.
public final class ConnectionGate: Sendable {
    public let limits: ConnectionLimits
    /// Peers and the reason, when a connection is closed by the gate; for throttled logging.
    let onClose: @Sendable (ConnectionGateClosure) -> Void

    private struct State {
        var table: ConnectionTable<ObjectIdentifier>
        var channels: [ObjectIdentifier: any Channel] = [:]
        var status = ConnectionGateStatus()
    }

    private let state: Mutex<State>

    public init(limits: ConnectionLimits, onClose: @escaping @Sendable (ConnectionGateClosure) -> Void = { _ in }) {
        self.limits = limits
        self.onClose = onClose
        var status = ConnectionGateStatus()
        status.maximum = limits.maximumConnections
        state = Mutex(State(table: ConnectionTable(limits: limits), status: status))
    }

    public var status: ConnectionGateStatus { state.withLock { $0.status } }

    /// Admits a newly accepted channel or says why not; closes the connection it evicts, if any.
    /// The caller closes a refused channel.
    func admit(_ channel: any Channel) -> ConnectionRefusal? {
        let address = channel.remoteAddress?.ipAddress
        let key = ObjectIdentifier(channel)
        let (decision, victim): (ConnectionTable<ObjectIdentifier>.Decision, (any Channel)?) = state.withLock { state in
            let decision = state.table.admit(key, address: address)
            switch decision {
            case .admit(let evicting):
                state.channels[key] = channel
                let victim = evicting.flatMap { state.channels.removeValue(forKey: $0) }
                if victim != nil { state.status.evicted += 1 }
                state.status.open = state.table.count
                state.status.peakOpen = max(state.status.peakOpen, state.status.open)
                return (decision, victim)
            case .refuse(.connectionLimit):
                state.status.refusedOverLimit += 1
            case .refuse(.perAddressLimit):
                state.status.refusedPerAddress += 1
            }
            return (decision, nil)
        }
        if let victim {
            victim.close(promise: nil)
            onClose(ConnectionGateClosure(peer: victim.remoteAddress?.ipAddress, reason: .evicted))
        }
        guard case .refuse(let refusal) = decision else { return nil }
        onClose(ConnectionGateClosure(peer: address, reason: .refused(refusal)))
        return refusal
    }

    /// The connection sent a complete request: it keeps its slot until it closes.
    public func markProven(_ channel: any Channel) {
        state.withLock { $0.table.markProven(ObjectIdentifier(channel)) }
    }

    /// Closes the channel unless it has sent a request by now (its first-request deadline).
    func closeIfSilent(_ channel: any Channel) {
        let silent = state.withLock { state in
            let key = ObjectIdentifier(channel)
            guard state.channels[key] != nil, !state.table.isProven(key) else { return false }
            state.status.silentTimeouts += 1
            return true
        }
        guard silent else { return }
        channel.close(promise: nil)
        onClose(ConnectionGateClosure(peer: channel.remoteAddress?.ipAddress, reason: .silent))
    }

    /// The channel closed (for any reason).
    func release(_ channel: any Channel) {
        state.withLock { state in
            let key = ObjectIdentifier(channel)
            state.channels[key] = nil
            state.table.release(key)
            state.status.open = state.table.count
        }
    }
}

/// A connection the gate closed, and why.
public struct ConnectionGateClosure: Sendable {
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case refused(ConnectionRefusal)
        case evicted
        case silent

        public var description: String {
            switch self {
            case .refused(.connectionLimit): "connection limit reached"
            case .refused(.perAddressLimit): "too many connections from this address"
            case .evicted: "made room for a newcomer (no request sent yet)"
            case .silent: "no request within the first-request timeout"
            }
        }
    }

    public let peer: String?
    public let reason: Reason
}
