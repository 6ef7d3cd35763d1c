/// What the I/O shell must do after feeding the session an event. Events return these in order.
///
/// At most one action per event starts a request (`sendHandshake`, `uploadOptions`, `uploadBatch`,
/// `poll`); its outcome must come back as the matching event. When no request is in flight, the last
/// action is either a request or `wait(until:)`, so the shell always knows when to call `tick(now:)`.
public enum UplinkAction: Hashable, Sendable {
    /// `GET cdata?options=all…`; answer with `handshakeReplied` or `handshakeFailed`.
    case sendHandshake
    /// `POST cdata?table=options` with these keys (empty = everything the kiosk reports).
    case uploadOptions(keys: [String])
    /// `POST cdata?table=ATTLOG&Stamp=…` with the batch's records; answer `uploadSucceeded`/`uploadFailed`.
    case uploadBatch(UplinkBatch)
    /// Persist the outbox cursor (`acked_seq`). It can move back after a handshake stamp.
    case setCursor(Int64)
    /// `GET getrequest`, with `INFO=` when asked; answer `pollReplied` (after running the commands and
    /// posting their results) or `pollFailed`.
    case poll(includeInfo: Bool)
    /// Nothing to send before this instant (UTC ms); call `tick(now:)` then, or earlier on any event.
    case wait(until: Int64)
    /// Record that `seq` was set aside for this server; persist it BEFORE the `setCursor` that follows,
    /// so a crash in between cannot skip the record silently. Never delete the punch.
    case quarantine(seq: Int64, reason: String, tries: Int)
    /// Tell the operator (log, status, metrics).
    case alert(UplinkAlert)
}
