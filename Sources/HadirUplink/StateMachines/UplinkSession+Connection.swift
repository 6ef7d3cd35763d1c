extension UplinkSession {
    /// Starts the session: the first handshake. Later calls change nothing.
    public mutating func start(now: Int64) -> [UplinkAction] {
        guard case .idle = state else { return nextStep(now: now) }
        return beginHandshake()
    }

    /// The handshake answered 200 with options (a bare `OK` parses to the defaults).
    ///
    /// Adopts the options, reconciles the cursor with `ATTLOGStamp` and uploads options if the server
    /// asked. The first handshake after start opens a drain (the backlog from before a restart goes at
    /// once), and so does a rewind (the server wants the records back); CHECK opened one already.
    /// Periodic and reconnecting handshakes leave the server's schedule alone.
    /// The OPERLOG stamp is informational: this session uploads ATTLOG only.
    public mutating func handshakeReplied(options: ADMSServerOptions, now: Int64) -> [UplinkAction] {
        guard case .handshaking = state else { return nextStep(now: now) }
        self.options = options
        // Capped at a day before converting: `ErrorDelay` is server text and can be anything.
        let errorDelay = Int64(min(max(options.errorDelaySeconds, 0), 86_400)) * 1000
        let base = configuration.backoffBase?.uplinkMilliseconds ?? errorDelay
        connectBackoff.setBase(base)
        uploadBackoff.setBase(base)
        pollBackoff.setBase(base)
        schedule.configure(options, now: now)
        pollPlan.connected(delaySeconds: options.delaySeconds, now: now)
        nextHandshakeAt = now.uplinkAdding(configuration.rehandshakeInterval.uplinkMilliseconds)
        var actions = reconcile(stamp: options.attlogStamp)
        if !hasConnected || !actions.isEmpty { drainRequested = true }
        hasConnected = true
        if !serverWantsAttendanceLog { actions.append(.alert(.attendanceLogNotWanted)) }
        if options.pushOptionsRequested {
            state = .uploadingOptions
            lastIssued = .options
            actions.append(.uploadOptions(keys: options.pushOptionKeys))
            return actions
        }
        return actions + enterRunning(now: now)
    }

    /// The handshake failed: non-200, `UNKNOWN DEVICE`/`RETRY` (as `.notOK`), or no answer. Back off
    /// and handshake again; all data stays queued.
    public mutating func handshakeFailed(reason: UplinkFailure, retryAfter: Duration?, now: Int64) -> [UplinkAction] {
        guard case .handshaking = state else { return nextStep(now: now) }
        honourRetryAfter(retryAfter, now: now)
        state = .backingOff(until: connectBackoff.recordFailure(now: now, using: &generator))
        return nextStep(now: now)
    }

    /// The server answered the options upload with `OK`.
    public mutating func optionsUploaded(now: Int64) -> [UplinkAction] {
        guard case .uploadingOptions = state else { return nextStep(now: now) }
        return enterRunning(now: now)
    }

    /// The options upload failed. Network or server trouble: back off and handshake again, so the
    /// options are eventually delivered. A refusal (4xx, non-OK): carry on without; punches matter more.
    public mutating func optionsUploadFailed(kind: UplinkFailure, retryAfter: Duration?, now: Int64) -> [UplinkAction] {
        guard case .uploadingOptions = state else { return nextStep(now: now) }
        honourRetryAfter(retryAfter, now: now)
        guard kind.isTransient else { return enterRunning(now: now) }
        state = .backingOff(until: connectBackoff.recordFailure(now: now, using: &generator))
        return nextStep(now: now)
    }

    /// The server sent `CHECK`: handshake again as soon as the current request is done, then send
    /// what is pending. While backing off, the handshake goes at once (a `Retry-After` still holds).
    public mutating func checkRequested(now: Int64) -> [UplinkAction] {
        drainRequested = true
        switch state {
        case .idle, .handshaking, .uploadingOptions:
            break  // A handshake is already coming.
        case .backingOff:
            state = .backingOff(until: now)
        case .running:
            handshakeRequested = true
        }
        return nextStep(now: now)
    }

    /// The operator's "sync now": as `CHECK`, and every backoff is skipped (a `Retry-After` still
    /// holds), since someone at the kiosk just fixed the network and wants to see the backlog go.
    public mutating func syncRequested(now: Int64) -> [UplinkAction] {
        uploadBackoff.waive()
        uploadWaitsForNetwork = false
        pollWaitsForNetwork = false
        pollPlan.pollNow(now: now)
        return checkRequested(now: now)
    }

    /// Moves the cursor back when the handshake stamp asks for a replay or reports lost data.
    private mutating func reconcile(stamp: ADMSStamp) -> [UplinkAction] {
        let decision = UplinkStampReconciler.decide(
            stamp: stamp, ackedSeq: ackedSeq, retainedFromSeq: retainedFromSeq, legacyStamps: configuration.legacyStamps)
        guard case .rewind(let target) = decision else { return [] }
        let previous = ackedSeq
        ackedSeq = target
        quarantine.reset()
        return [.setCursor(target), .alert(.cursorRewound(fromSeq: previous, toSeq: target, stamp: stamp))]
    }
}
