/// Decides whether a scan repeats the same person's last accepted punch.
///
/// People press twice, or hold the finger too long: a second scan of the same PIN within
/// `seconds` is answered "Anda sudah absen" and is not a new attendance event. Within one boot the
/// monotonic clock decides, so a wall-clock jump cannot make a repeat look new (or the reverse).
public struct DuplicateWindow: Hashable, Sendable {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = max(0, seconds)
    }

    /// True when `now` falls within the window after `previous`.
    public func isRepeat(of previous: ClockReading, at now: ClockReading) -> Bool {
        guard seconds > 0 else { return false }
        let window = Int64(seconds)
        if previous.bootID == now.bootID {
            guard now.monotonicNanoseconds >= previous.monotonicNanoseconds else { return false }
            return Int64((now.monotonicNanoseconds - previous.monotonicNanoseconds) / 1_000_000) < window * 1000
        }
        let elapsed = now.utcMilliseconds - previous.utcMilliseconds
        return elapsed >= 0 && elapsed < window * 1000
    }
}
