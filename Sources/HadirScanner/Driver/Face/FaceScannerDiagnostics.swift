/// Counters a ``FaceScannerDriver`` keeps for health reporting: a module that restarts or sends
/// garbage should show it.
public struct FaceScannerDiagnostics: Hashable, Sendable {
    /// Commands written to the module.
    public var commandsSent = 0
    /// Commands that got no valid reply in time.
    public var timeouts = 0
    /// Corrupt frames: bad parity, impossible sizes, messages that break their layout.
    public var frameErrors = 0
    /// Bytes thrown away: garbage between frames, corrupt frames, partial frames left over.
    public var discardedBytes = 0
    /// Replies to commands other than the one in flight (late answers to an earlier command).
    public var staleReplies = 0
    /// Unexpected READY notes: each one means the module restarted.
    public var restarts = 0
    /// The last FACE_STATE note: where the module last saw a face, or why it saw none.
    public var lastFaceState: EFAAFaceState?

    /// All counters at zero.
    public init() {}
}
