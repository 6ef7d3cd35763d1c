extension UplinkSession {
    /// The server answered the in-flight batch with 2xx and `OK`: the cursor moves to `throughSeq`
    /// (clipped to the batch, since the reply's count is never a partial ack), the backoff resets and
    /// the batch size grows back.
    public mutating func uploadSucceeded(throughSeq: Int64, now: Int64) -> [UplinkAction] {
        guard case .running(.uploading(let batch)) = state else { return nextStep(now: now) }
        state = .running(.waiting)
        var actions: [UplinkAction] = []
        let acked = min(max(throughSeq, batch.afterSeq), batch.throughSeq)
        if acked > ackedSeq {
            ackedSeq = acked
            quarantine.reset()
            actions.append(.setCursor(acked))
        }
        uploadBackoff.reset()
        uploadWaitsForNetwork = false
        serverAnswered(now: now)
        sizer.grow()
        if !hasBacklog { drainRequested = false }
        return actions + nextStep(now: now)
    }

    /// The in-flight batch failed; the cursor stays, so the same records are sent again.
    ///
    /// - 413 / `tooLarge`, or 200 without `OK`, on several records: halve and retry at once (the
    ///   server answered; the batch was the problem).
    /// - 200 without `OK` on a single record: back off and retry; after `quarantineAfter` tries set
    ///   it aside (`quarantine` + `alert`) and move the cursor past it so the queue never blocks.
    /// - transport, 5xx, and 413 on a single record: back off, keep the batch.
    /// - other 4xx (unknown or unapproved device): back off, then handshake again.
    public mutating func uploadFailed(kind: UplinkFailure, retryAfter: Duration?, now: Int64) -> [UplinkAction] {
        guard case .running(.uploading(let batch)) = state else { return nextStep(now: now) }
        state = .running(.waiting)
        honourRetryAfter(retryAfter, now: now)
        let failure = kind.normalized
        uploadWaitsForNetwork = failure == .transport
        switch failure {
        case .notOK, .tooLarge:
            if sizer.shrink(refusedBatchOf: batch.limit) { return nextStep(now: now) }
            if case .notOK(let body) = failure, case .quarantine(let tries) = quarantine.refused(seq: batch.throughSeq) {
                return setAside(seq: batch.throughSeq, tries: tries, body: body, now: now)
            }
        case .transport, .httpStatus:
            break
        }
        let retryAt = uploadBackoff.recordFailure(now: now, using: &generator)
        if failure.requiresHandshake { state = .backingOff(until: retryAt) }
        return nextStep(now: now)
    }

    /// Quarantines `seq` and steps the cursor past it. The quarantine is persisted before the cursor,
    /// so a crash in between re-sends the record rather than skipping it unreported.
    private mutating func setAside(seq: Int64, tries: Int, body: String, now: Int64) -> [UplinkAction] {
        let reason = "reply without OK: " + String(body.prefix(200))
        ackedSeq = seq
        // Progress was made: the next record goes at once, but the failure count stays until a real
        // success, so a server that refuses everything keeps getting longer waits.
        uploadBackoff.waive()
        if !hasBacklog { drainRequested = false }
        let actions: [UplinkAction] = [
            .quarantine(seq: seq, reason: reason, tries: tries),
            .alert(.recordQuarantined(seq: seq, tries: tries, reason: reason)),
            .setCursor(seq),
        ]
        return actions + nextStep(now: now)
    }
}
