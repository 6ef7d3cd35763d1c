/// How many connections one listener keeps open, and how long a newcomer may stay silent.
///
/// The defaults suit a 1-GB kiosk: a few hundred hostile sockets cost little memory, and the
/// legitimate clients of a kiosk (one attendance server, a technician) need a handful.
public struct ConnectionLimits: Sendable, Equatable {
    /// Connections open at once on the listener.
    public var maximumConnections: Int
    /// Connections open at once from one client address (nil: no per-address cap, e.g. a unix socket).
    public var maximumPerAddress: Int?
    /// A connection that has not sent one complete request after this long is closed.
    public var firstRequestTimeoutSeconds: Double

    public init(maximumConnections: Int, maximumPerAddress: Int? = nil, firstRequestTimeoutSeconds: Double = 10) {
        self.maximumConnections = max(1, maximumConnections)
        self.maximumPerAddress = maximumPerAddress.map { max(1, $0) }
        self.firstRequestTimeoutSeconds = max(0.1, firstRequestTimeoutSeconds)
    }
}
