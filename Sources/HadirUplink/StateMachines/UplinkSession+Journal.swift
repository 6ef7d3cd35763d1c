extension UplinkSession {
    /// New punches were committed up to `lastSeq`. Realtime servers get them at once; otherwise they
    /// wait for the next window. Either way the next poll carries INFO (the counts changed).
    public mutating func journalAdvanced(lastSeq: Int64, now: Int64) -> [UplinkAction] {
        if lastSeq > self.lastSeq {
            self.lastSeq = lastSeq
            pollPlan.dataChanged()
        }
        return nextStep(now: now)
    }

    /// Retention removed records below `retainedFromSeq` (only ones every server acked), so a replay
    /// must start there.
    public mutating func journalPruned(retainedFromSeq: Int64, now: Int64) -> [UplinkAction] {
        self.retainedFromSeq = max(self.retainedFromSeq, retainedFromSeq)
        return nextStep(now: now)
    }

    /// Send pending records now: the server's `LOG` command, or the operator's "sync now". Cuts an
    /// upload backoff short (a `Retry-After` still holds); while disconnected, reconnects at once.
    public mutating func logRequested(now: Int64) -> [UplinkAction] {
        drainRequested = true
        uploadBackoff.waive()
        if case .backingOff = state { state = .backingOff(until: now) }
        return nextStep(now: now)
    }

    /// Time passed: the wait the session asked for ended, or the shell just wants the next step.
    public mutating func tick(now: Int64) -> [UplinkAction] {
        nextStep(now: now)
    }
}
