/// When to poll `getrequest` and whether to append `INFO` (reference §3).
///
/// Polls come every `Delay` seconds, one second after a poll that returned commands. INFO rides on
/// the first poll after a handshake, on the first poll after data changed (new punches, executed
/// commands), and otherwise at most every `infoInterval`, as a heartbeat.
struct UplinkPollPlan: Hashable, Sendable {
    let afterCommandsMilliseconds: Int64
    let infoIntervalMilliseconds: Int64
    let delayBounds: ClosedRange<Int64>
    /// The server's `Delay`, within bounds.
    private(set) var delayMilliseconds: Int64
    /// When the next poll is due (UTC ms); a failed poll pushes it to the backoff's retry instant.
    private(set) var nextPollAt: Int64 = 0
    /// INFO must ride on the next poll.
    private(set) var infoOwed = true
    /// When a poll carrying INFO last succeeded.
    private(set) var lastInfoAt: Int64?

    /// Bounds and heartbeat period from the configuration; `Delay` starts at the protocol's 10 s.
    init(configuration: UplinkConfiguration) {
        afterCommandsMilliseconds = max(1, configuration.pollDelayAfterCommands.uplinkMilliseconds)
        infoIntervalMilliseconds = max(1, configuration.infoInterval.uplinkMilliseconds)
        let low = max(1, configuration.minimumPollDelay.uplinkMilliseconds)
        delayBounds = low...max(low, configuration.maximumPollDelay.uplinkMilliseconds)
        delayMilliseconds = Self.clamp(10_000, to: delayBounds)
    }

    /// A handshake succeeded: poll at once, with INFO.
    mutating func connected(delaySeconds: Int, now: Int64) {
        let (milliseconds, overflow) = Int64(clamping: delaySeconds).multipliedReportingOverflow(by: 1000)
        delayMilliseconds = Self.clamp(overflow ? .max : milliseconds, to: delayBounds)
        nextPollAt = now
        infoOwed = true
    }

    /// Punches were recorded or commands executed: the server's counts are stale.
    mutating func dataChanged() {
        infoOwed = true
    }

    /// Whether a poll starting now should carry INFO.
    func wantsInfo(now: Int64) -> Bool {
        guard !infoOwed, let last = lastInfoAt else { return true }
        // A clock jump backwards (now < last) also refreshes, rather than starving the heartbeat.
        return now < last || now - last >= infoIntervalMilliseconds
    }

    /// The poll answered; schedules the next one.
    mutating func replied(commandsPresent: Bool, includedInfo: Bool, now: Int64) {
        if includedInfo {
            infoOwed = false
            lastInfoAt = now
        }
        // Executed commands (user updates, deletions) change what INFO reports.
        if commandsPresent { infoOwed = true }
        nextPollAt = now.uplinkAdding(commandsPresent ? afterCommandsMilliseconds : delayMilliseconds)
    }

    /// The poll failed; try again at `retryAt` (the backoff's choice). INFO stays owed.
    mutating func failed(retryAt: Int64) {
        nextPollAt = retryAt
    }

    /// A failed poll's wait is cut short: the next poll is due at once.
    mutating func pollNow(now: Int64) {
        nextPollAt = min(nextPollAt, now)
    }

    /// After the wall clock jumped backwards, keep the next poll within one period (or the backoff cap).
    mutating func repair(now: Int64, longestWaitMilliseconds: Int64) {
        let limit = now.uplinkAdding(max(delayMilliseconds, longestWaitMilliseconds))
        if nextPollAt > limit { nextPollAt = limit }
    }

    /// `value` pulled into `range`.
    private static func clamp(_ value: Int64, to range: ClosedRange<Int64>) -> Int64 {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
