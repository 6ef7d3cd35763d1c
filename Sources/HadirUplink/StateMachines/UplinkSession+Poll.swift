extension UplinkSession {
    /// The getrequest poll answered. Call it after the returned commands were executed and their
    /// results posted, so the next request does not overlap them; `CHECK` and `LOG` among them are
    /// reported with `checkRequested` / `logRequested`, before or after this call.
    public mutating func pollReplied(commandsPresent: Bool, now: Int64) -> [UplinkAction] {
        guard case .running(.polling(let includedInfo)) = state else { return nextStep(now: now) }
        state = .running(.waiting)
        pollBackoff.reset()
        pollWaitsForNetwork = false
        pollPlan.replied(commandsPresent: commandsPresent, includedInfo: includedInfo, now: now)
        serverAnswered(now: now)
        return nextStep(now: now)
    }

    /// The poll failed: back off polling (uploads keep their own pace); a refusal of the device
    /// (4xx) leads to a new handshake. INFO stays owed.
    public mutating func pollFailed(kind: UplinkFailure, retryAfter: Duration?, now: Int64) -> [UplinkAction] {
        guard case .running(.polling) = state else { return nextStep(now: now) }
        state = .running(.waiting)
        honourRetryAfter(retryAfter, now: now)
        let retryAt = pollBackoff.recordFailure(now: now, using: &generator)
        pollWaitsForNetwork = kind == .transport
        if kind.normalized.requiresHandshake {
            state = .backingOff(until: retryAt)
        } else {
            pollPlan.failed(retryAt: retryAt)
        }
        return nextStep(now: now)
    }
}
