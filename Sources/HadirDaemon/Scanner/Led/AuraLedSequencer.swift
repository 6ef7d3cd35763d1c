import HadirScanner

/// Decides what the R503 ring shows, as a pure state machine the scan loop drives between identify
/// rounds: blue breathing while idle, green after an accepted scan, red after a refused one, and
/// back to blue once the result has shown for `hold`.
///
/// Events are its methods; each returns the setting to send, if any. Times are durations since any
/// fixed origin, so tests pass them in.
public struct AuraLedSequencer: Sendable {
    /// What a scan came to, as the ring shows it.
    public enum Outcome: Sendable, Hashable {
        /// A punch was recorded, or the person had already punched (their attendance is safe).
        case accepted
        /// Unknown finger, unreadable image, or a punch that could not be stored: try again or get help.
        case refused
    }

    public enum State: Sendable, Hashable {
        /// Connected, ring not set yet: idle goes out before the next round.
        case pending
        case idle
        case showing(since: Duration)
        /// The module refused or ignored AuraLedConfig: nothing is sent again.
        case unsupported
    }

    public static let idle = EF01AuraLed(control: .breathing, speed: 0x80, colour: .blue, cycles: 0)
    public static let accepted = EF01AuraLed(control: .on, speed: 0, colour: .green, cycles: 0)
    public static let refused = EF01AuraLed(control: .flashing, speed: 0x20, colour: .red, cycles: 0)

    /// How long a result stays before the ring goes back to idle.
    public let hold: Duration
    public private(set) var state: State = .pending

    public init(hold: Duration) {
        self.hold = hold
    }

    /// The module was (re)connected: its ring state is unknown until idle is sent.
    public mutating func connected() {
        guard state != .unsupported else { return }
        state = .pending
    }

    /// A scan ended with `outcome` at `now`: the result setting to send.
    public mutating func scanned(_ outcome: Outcome, at now: Duration) -> EF01AuraLed? {
        guard state != .unsupported else { return nil }
        state = .showing(since: now)
        return outcome == .accepted ? Self.accepted : Self.refused
    }

    /// An identify round is about to start at `now`: the setting to send first, and the longest the
    /// round may wait for a finger so the return to idle is not late (nil: no limit).
    public mutating func roundStarting(at now: Duration) -> (send: EF01AuraLed?, roundLimit: Duration?) {
        switch state {
        case .pending:
            state = .idle
            return (Self.idle, nil)
        case .showing(let since) where now - since >= hold:
            state = .idle
            return (Self.idle, nil)
        case .showing(let since):
            return (nil, hold - (now - since))
        case .idle, .unsupported:
            return (nil, nil)
        }
    }

    /// The module answered AuraLedConfig with an error code or not at all. True the first time, so
    /// the caller logs it once.
    public mutating func moduleRefused() -> Bool {
        defer { state = .unsupported }
        return state != .unsupported
    }

    /// A setting could not be sent for a reason that says nothing about LED support (a lost link):
    /// idle is sent again before the next round.
    public mutating func sendFailed() {
        guard state != .unsupported else { return }
        state = .pending
    }
}
