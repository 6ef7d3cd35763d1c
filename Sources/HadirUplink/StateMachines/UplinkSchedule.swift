/// When the server wants punches uploaded (reference §1): at once (`Realtime=1`), every
/// `TransInterval` minutes, and/or at the local `TransTimes` of day.
///
/// A window opening only asks for a drain; the session then uploads batch after batch until the
/// backlog is empty, retrying through failures, so a window that falls in an outage is not lost.
struct UplinkSchedule: Hashable, Sendable {
    private static let minuteMilliseconds: Int64 = 60_000
    private static let dayMilliseconds: Int64 = 86_400_000

    /// The kiosk's zone, which places `TransTimes` on the UTC timeline.
    let utcOffsetMinutes: Int
    let fallbackIntervalMilliseconds: Int64
    /// Upload as soon as the journal advances.
    private(set) var realtime = true
    /// Period of interval windows; nil when off.
    private(set) var intervalMilliseconds: Int64?
    /// Minutes since local midnight, sorted, unique.
    private(set) var transTimes: [Int] = []
    /// Next interval window (UTC ms).
    private(set) var nextIntervalAt: Int64?
    /// Next `TransTimes` window (UTC ms).
    private(set) var nextTransTimeAt: Int64?

    /// A realtime schedule until the first handshake says otherwise.
    init(utcOffsetMinutes: Int, fallbackIntervalMilliseconds: Int64) {
        self.utcOffsetMinutes = utcOffsetMinutes
        self.fallbackIntervalMilliseconds = max(Self.minuteMilliseconds, fallbackIntervalMilliseconds)
    }

    /// Adopts the handshake's options; windows are counted from `now`.
    mutating func configure(_ options: ADMSServerOptions, now: Int64) {
        realtime = options.realtime
        transTimes = Array(Set(options.transTimes.filter { (0..<1440).contains($0) })).sorted()
        // A day at most: `TransInterval=99999` from a confused server must not mute the kiosk for months.
        let minutes = min(options.transIntervalMinutes, 1440)
        intervalMilliseconds = minutes > 0 ? Int64(minutes) * Self.minuteMilliseconds : nil
        if !realtime && intervalMilliseconds == nil && transTimes.isEmpty {
            intervalMilliseconds = fallbackIntervalMilliseconds
        }
        nextIntervalAt = realtime ? nil : intervalMilliseconds.map { now.uplinkAdding($0) }
        nextTransTimeAt = realtime ? nil : Self.nextTransTime(after: now, minutes: transTimes, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Consumes every window that has opened by `now`; true when at least one did. A clock jump over
    /// several windows opens just one drain.
    mutating func fireDue(now: Int64) -> Bool {
        repair(now: now)
        var opened = false
        if let at = nextIntervalAt, let period = intervalMilliseconds, now >= at {
            opened = true
            // Stay on the original grid without looping over every missed period.
            let missed = (now - at) / period + 1
            nextIntervalAt = at.uplinkAdding(missed.multipliedReportingOverflow(by: period).overflow ? .max : missed * period)
        }
        if let at = nextTransTimeAt, now >= at {
            opened = true
            nextTransTimeAt = Self.nextTransTime(after: now, minutes: transTimes, utcOffsetMinutes: utcOffsetMinutes)
        }
        return opened
    }

    /// The earliest window still to come, for the shell's timer.
    var nextWindowAt: Int64? {
        [nextIntervalAt, nextTransTimeAt].compactMap { $0 }.min()
    }

    /// After the wall clock jumped backwards, windows may sit further ahead than their own period;
    /// pull them back so the kiosk does not skip a day of uploads.
    private mutating func repair(now: Int64) {
        if let at = nextIntervalAt, let period = intervalMilliseconds, at > now.uplinkAdding(period) {
            nextIntervalAt = now.uplinkAdding(period)
        }
        if let at = nextTransTimeAt, at > now.uplinkAdding(Self.dayMilliseconds) {
            nextTransTimeAt = Self.nextTransTime(after: now, minutes: transTimes, utcOffsetMinutes: utcOffsetMinutes)
        }
    }

    /// The first instant strictly after `after` whose local time of day (UTC + offset) is one of
    /// `minutes`. Indonesian zones have no daylight saving, so a fixed offset is exact.
    static func nextTransTime(after: Int64, minutes: [Int], utcOffsetMinutes: Int) -> Int64? {
        guard let earliest = minutes.min() else { return nil }
        let offset = Int64(utcOffsetMinutes) * minuteMilliseconds
        let local = after + offset
        // Floor division: correct for instants before the epoch too.
        let dayStart = (local >= 0 ? local / dayMilliseconds : (local - dayMilliseconds + 1) / dayMilliseconds) * dayMilliseconds
        let today = minutes.sorted().map { dayStart + Int64($0) * minuteMilliseconds }.first { $0 > local }
        let localNext = today ?? dayStart + dayMilliseconds + Int64(earliest) * minuteMilliseconds
        return localNext - offset
    }
}
