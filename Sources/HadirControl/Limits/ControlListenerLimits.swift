import HadirConnectionLimits

/// What one control API listener tolerates from its clients (`[control]` in hadird.toml).
public struct ControlListenerLimits: Sendable, Equatable {
    /// Connections at once, per address, and the first-request deadline.
    public var connections: ConnectionLimits
    /// A connection with no request in progress is closed after this long; also bounds how slowly
    /// a request head may trickle in.
    public var idleTimeoutSeconds: Double
    /// Larger request bodies are answered 413 (every body the API takes is a small JSON object).
    public var maximumBodyBytes: Int

    public init(connections: ConnectionLimits, idleTimeoutSeconds: Double, maximumBodyBytes: Int) {
        self.connections = connections
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// `[control]`'s defaults for the LAN listener: 32 connections, 8 per address, 10 s to send a
    /// request, 30 s idle, 64 KiB bodies.
    public static let lanDefaults = ControlListenerLimits(
        connections: ConnectionLimits(maximumConnections: 32, maximumPerAddress: 8, firstRequestTimeoutSeconds: 10),
        idleTimeoutSeconds: 30, maximumBodyBytes: 64 * 1024)

    /// The unix socket: only the technicians' group can connect, so its cap is generous and its
    /// own (a LAN flood never takes its slots); hadirctl's event streams count as busy, not idle.
    public static func unixSocket(idleTimeoutSeconds: Double, maximumBodyBytes: Int) -> ControlListenerLimits {
        ControlListenerLimits(
            connections: ConnectionLimits(maximumConnections: 256, firstRequestTimeoutSeconds: idleTimeoutSeconds),
            idleTimeoutSeconds: idleTimeoutSeconds, maximumBodyBytes: maximumBodyBytes)
    }

    /// Request heads past these are answered 400 and the connection closed; hadirctl's are a few
    /// hundred bytes, NIO's defaults (80 KiB per field, 1000 fields) would let 32 sockets hold megabytes.
    static let maximumHeaderFieldBytes = 8 * 1024
    static let maximumHeaderListBytes = 16 * 1024
    static let maximumHeaderFields = 64
}
