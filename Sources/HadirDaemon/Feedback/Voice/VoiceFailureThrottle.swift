/// Lets a failing player be logged once per interval, counting what was left out meanwhile, so a
/// kiosk without a sound card does not fill the journal with one line per punch.
public struct VoiceFailureThrottle: Sendable {
    public let interval: Duration
    private var lastLogged: Duration?
    private var suppressed = 0

    public init(interval: Duration) {
        self.interval = interval
    }

    /// Whether a failure at `now` (time since any fixed origin) is logged; when it is, how many
    /// failures were left out since the last logged one.
    public mutating func admit(at now: Duration) -> (log: Bool, suppressed: Int) {
        if let lastLogged, now - lastLogged < interval {
            suppressed += 1
            return (false, 0)
        }
        defer {
            lastLogged = now
            suppressed = 0
        }
        return (true, suppressed)
    }
}
