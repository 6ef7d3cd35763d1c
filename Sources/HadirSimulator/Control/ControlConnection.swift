/// One control client: stdin/stdout, or a connection on the control socket.
///
/// Lines are answered strictly in order; a `wait-idle` holds back the lines after it.
struct ControlConnection {
    /// Where lines come from.
    let input: Int32
    /// Where replies go (the same socket, or stdout).
    let output: Int32
    /// Whether this is stdin (never closed by the server).
    let isStandardInput: Bool
    var assembler = LineAssembler()
    /// Lines received and not yet handled (only while a `wait-idle` is pending).
    var queued: [LineAssembler.Item] = []
    /// Replies not yet written (socket clients are non-blocking).
    var pendingOutput: [UInt8] = []
    /// A pending `wait-idle`, if any.
    var idleWait: IdleWait?
    /// Input reached end of file.
    var inputClosed = false
    /// The connection is finished and is removed after this poll round.
    var closed = false
}

/// A `wait-idle` waiting for pending presses to be consumed.
struct IdleWait {
    /// When to give up with `error timeout`; nil waits forever.
    var deadline: ContinuousClock.Instant?
}
