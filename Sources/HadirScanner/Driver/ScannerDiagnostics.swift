/// Counters a driver keeps for health reporting (a scanner that sends garbage should show it).
public struct ScannerDiagnostics: Hashable, Sendable {
    /// Commands written to the module.
    public var commandsSent = 0
    /// Commands that got no reply in time.
    public var timeouts = 0
    /// Corrupt replies.
    public var frameErrors = 0
    /// Bytes thrown away: stale input drained before commands and garbage between frames.
    public var discardedBytes = 0

    /// All counters at zero.
    public init() {}
}
