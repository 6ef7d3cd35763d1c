/// Where one server's uplink session stands. Exactly the states in which a request is in flight
/// carry that request, so "two requests at once" cannot be represented.
public enum UplinkSessionState: Hashable, Sendable {
    /// Not started.
    case idle
    /// Handshake request in flight.
    case handshaking
    /// `table=options` upload in flight (the server asked for it with PushOptionsFlag).
    case uploadingOptions
    /// Handshake done; uploads and polls are scheduled.
    case running(UplinkRunningState)
    /// Disconnected after a handshake failure or a refusal of the device: handshake again at `until`
    /// (UTC ms) or later if a `Retry-After` says so.
    case backingOff(until: Int64)
}

/// The running session's single request slot.
public enum UplinkRunningState: Hashable, Sendable {
    /// Nothing in flight; waiting for a timer, a punch or a command.
    case waiting
    /// This batch is being uploaded.
    case uploading(UplinkBatch)
    /// A getrequest poll is in flight.
    case polling(includeInfo: Bool)
}

/// The kinds of request a session issues, for fairness between uploads and polls.
enum UplinkRequestKind: Hashable, Sendable {
    case handshake
    case options
    case upload
    case poll
}
