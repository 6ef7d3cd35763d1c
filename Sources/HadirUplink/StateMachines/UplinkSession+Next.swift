extension UplinkSession {
    /// Decides what comes next once an event has been absorbed: a request, a wait, or nothing while a
    /// request is in flight. Every event ends here, so the scheduling rules live in one place.
    mutating func nextStep(now: Int64) -> [UplinkAction] {
        repairDeadlines(now: now)
        if schedule.fireDue(now: now) { drainRequested = true }
        switch state {
        case .idle, .handshaking, .uploadingOptions, .running(.uploading), .running(.polling):
            return []
        case .backingOff(let until):
            let at = notQuiet(until)
            guard now >= at else { return [.wait(until: at)] }
            return beginHandshake()
        case .running(.waiting):
            return nextRunningStep(now: now)
        }
    }

    /// In `running(.waiting)`: handshake first (CHECK, periodic), then uploads and polls taking turns
    /// when both are due, so a long drain still polls for commands every `Delay`.
    private mutating func nextRunningStep(now: Int64) -> [UplinkAction] {
        if drainRequested && !hasBacklog { drainRequested = false }
        let handshakeAt = (handshakeRequested ? now : nextHandshakeAt).map(notQuiet)
        let uploadAt = wantsUpload ? notQuiet(uploadBackoff.retryAt ?? now) : nil
        let pollAt = notQuiet(pollPlan.nextPollAt)
        if let handshakeAt, handshakeAt <= now { return beginHandshake() }
        let uploadDue = uploadAt.map { $0 <= now } ?? false
        if pollAt <= now && (!uploadDue || lastIssued == .upload) { return beginPoll(now: now) }
        if uploadDue { return beginUpload() }
        let wake = [handshakeAt, uploadAt, pollAt, schedule.nextWindowAt].compactMap { $0 }.min() ?? pollAt
        return [.wait(until: wake)]
    }

    /// There is something to upload, the server takes ATTLOG, and there is a reason to do it now.
    private var wantsUpload: Bool {
        hasBacklog && serverWantsAttendanceLog && (drainRequested || schedule.realtime)
    }

    /// `TransFlag` absent or naming ATTLOG. Read from `transTables` (upper-cased names) directly.
    var serverWantsAttendanceLog: Bool {
        options.transTables?.contains("ATTLOG") ?? true
    }

    /// `instant`, pushed past the server's `Retry-After` if one is in force.
    private func notQuiet(_ instant: Int64) -> Int64 {
        max(instant, quietUntil ?? instant)
    }

    /// Sends the handshake (first, after a backoff, on CHECK, or periodically).
    mutating func beginHandshake() -> [UplinkAction] {
        state = .handshaking
        // This handshake answers any CHECK that came before it.
        handshakeRequested = false
        lastIssued = .handshake
        return [.sendHandshake]
    }

    /// Sends the next batch: the records right after the cursor, at most the current batch size.
    private mutating func beginUpload() -> [UplinkAction] {
        let batch = UplinkBatch(afterSeq: ackedSeq, throughSeq: min(lastSeq, ackedSeq.uplinkAdding(Int64(sizer.size))))
        state = .running(.uploading(batch))
        lastIssued = .upload
        return [.uploadBatch(batch)]
    }

    /// Sends a getrequest poll, with INFO when the heartbeat policy asks for it.
    private mutating func beginPoll(now: Int64) -> [UplinkAction] {
        let includeInfo = pollPlan.wantsInfo(now: now)
        state = .running(.polling(includeInfo: includeInfo))
        lastIssued = .poll
        return [.poll(includeInfo: includeInfo)]
    }

    /// Enters `running` after the handshake (and options): the connection is good again.
    mutating func enterRunning(now: Int64) -> [UplinkAction] {
        connectBackoff.reset()
        serverAnswered(now: now)
        state = .running(.waiting)
        return nextStep(now: now)
    }

    /// The server answered some request, so a channel that last failed for want of a network may go
    /// again now. The failure counts stay: a channel that then fails for another reason keeps growing
    /// its own waits. Without this, a short outage could leave uploads parked for up to the cap.
    mutating func serverAnswered(now: Int64) {
        if uploadWaitsForNetwork {
            uploadWaitsForNetwork = false
            uploadBackoff.waive()
        }
        if pollWaitsForNetwork {
            pollWaitsForNetwork = false
            pollPlan.pollNow(now: now)
        }
    }

    /// Records a `Retry-After`: no request to this server before it (bounded by `maximumRetryAfter`).
    mutating func honourRetryAfter(_ retryAfter: Duration?, now: Int64) {
        guard let retryAfter else { return }
        let until = now.uplinkAdding(min(retryAfter.uplinkMilliseconds, configuration.maximumRetryAfter.uplinkMilliseconds))
        quietUntil = max(quietUntil ?? until, until)
    }

    /// Every wait was chosen as "now + at most X"; after the wall clock jumps backwards a deadline
    /// can lie further ahead than X. Pull each back within its own bound instead of freezing for the
    /// size of the jump. (A jump forwards only makes waits end early, which is harmless.)
    private mutating func repairDeadlines(now: Int64) {
        let cap = configuration.backoffCap.uplinkMilliseconds
        connectBackoff.repair(now: now)
        uploadBackoff.repair(now: now)
        pollBackoff.repair(now: now)
        pollPlan.repair(now: now, longestWaitMilliseconds: pollBackoff.failures > 0 ? cap : 0)
        if let quiet = quietUntil {
            quietUntil = quiet <= now ? nil : min(quiet, now.uplinkAdding(configuration.maximumRetryAfter.uplinkMilliseconds))
        }
        if let at = nextHandshakeAt {
            nextHandshakeAt = min(at, now.uplinkAdding(configuration.rehandshakeInterval.uplinkMilliseconds))
        }
        if case .backingOff(let until) = state, until > now.uplinkAdding(cap) {
            state = .backingOff(until: now.uplinkAdding(cap))
        }
    }
}
