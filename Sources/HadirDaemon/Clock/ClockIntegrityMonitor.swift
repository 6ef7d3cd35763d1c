import HadirCore
import HadirStore
import Logging
import Metrics

/// The I/O shell around ``HadirCore/ClockIntegrity``: samples the clocks and the sync source,
/// appends correction rows when sync arrives, and makes every change visible (log, scan event,
/// audit, metrics, kiosk event, status).
public actor ClockIntegrityMonitor {
    let database: HadirDatabase
    let hub: FeedbackHub
    let language: KioskLanguage
    let logger: Logger
    let serverTrust: ServerClockTrust
    /// The raw clocks and the source's reading; injected so tests can drive it.
    let sample: @Sendable () -> (sample: ClockSample, problem: String?)
    let bootID: String
    private var integrity: ClockIntegrity
    private var counts = UnsyncedPunchCounts(thisBoot: 0, otherBoots: 0)
    private var corrections = 0
    /// The journal up to here has been looked at for unsynced punches.
    private var scannedThroughSeq: Int64?
    private var problem: String?

    public init(
        database: HadirDatabase, clock: SyncAwareClock, sourceOrigin: ClockSyncOrigin, hub: FeedbackHub,
        language: KioskLanguage, logger: Logger
    ) {
        self.init(
            database: database, bootID: clock.bootID, sourceOrigin: sourceOrigin, serverTrust: clock.serverTrust, hub: hub,
            language: language, logger: logger, sample: { clock.sample() })
    }

    init(
        database: HadirDatabase, bootID: String, sourceOrigin: ClockSyncOrigin, serverTrust: ServerClockTrust, hub: FeedbackHub,
        language: KioskLanguage, logger: Logger, sample: @escaping @Sendable () -> (sample: ClockSample, problem: String?)
    ) {
        self.database = database
        self.bootID = bootID
        self.hub = hub
        self.language = language
        self.logger = logger
        self.serverTrust = serverTrust
        self.sample = sample
        integrity = ClockIntegrity(sourceOrigin: sourceOrigin)
    }

    /// One look at the clocks: feeds the state machine, acts on what it saw, then looks at the
    /// punches recorded since the last poll.
    public func poll() {
        if scannedThroughSeq == nil { loadPending() }
        let (sample, problem) = sample()
        reportProblem(problem)
        for event in integrity.observe(sample) { handle(event) }
        scanNewPunches()
        Gauge(label: "hadir_clock_unsynced").record(integrity.isSynchronized ? 0 : 1)
        Gauge(label: "hadir_clock_unsynced_punches", dimensions: [("boot", "this")]).record(counts.thisBoot)
        Gauge(label: "hadir_clock_unsynced_punches", dimensions: [("boot", "earlier")]).record(counts.otherBoots)
    }

    /// A server's time was accepted (`authority = "server"`): `trueUTCMilliseconds` was the true
    /// time at `monotonicNanoseconds` of this boot. Counts as sync arrival.
    public func serverTimeAccepted(trueUTCMilliseconds: Int64, monotonicNanoseconds: UInt64) {
        if scannedThroughSeq == nil { loadPending() }
        serverTrust.trust()
        let events = integrity.serverTimeAccepted(
            trueUTCMilliseconds: trueUTCMilliseconds, monotonicNanoseconds: monotonicNanoseconds, bootID: bootID)
        for event in events { handle(event) }
    }

    /// The clock part of `GET /v1/status`.
    public func status() -> ClockStatus {
        ClockStatus(
            synced: integrity.isSynchronized, source: integrity.origin?.rawValue,
            message: integrity.isSynchronized ? nil : KioskFeedback.clockUnsynchronized.text(in: language),
            unsyncedPunches: counts.thisBoot, uncorrectablePunches: counts.otherBoots, corrections: corrections,
            backwardJumps: integrity.backwardJumps, lastBackwardJumpMilliseconds: integrity.lastBackwardJump?.milliseconds,
            lastBackwardJumpAtMilliseconds: integrity.lastBackwardJump?.detectedAtMilliseconds, problem: problem)
    }

    // MARK: - Events

    private func handle(_ event: ClockIntegrityEvent) {
        switch event {
        case .startedUnsynchronized:
            logger.warning(
                "clock not synchronised: punches are flagged unsynced until sync arrives",
                metadata: ["source": "\(integrity.sourceOrigin.rawValue)"])
            record("clock_unsynced", detail: "at start (source \(integrity.sourceOrigin.rawValue))")
            publish(.clockUnsynchronized, kind: .clockUnsynced, detail: "source \(integrity.sourceOrigin.rawValue)")
        case .lostSynchronization:
            logger.warning("clock lost synchronisation: punches are flagged unsynced again")
            record("clock_unsynced", detail: "sync lost")
            publish(.clockUnsynchronized, kind: .clockUnsynced, detail: "sync lost")
        case .synchronized(let reference):
            synchronized(reference)
        case .jumpedBackward(let jump):
            logger.warning(
                "wall clock jumped backwards; dedupe and ordering keep to the monotonic clock and seq",
                metadata: ["by_ms": "\(jump.milliseconds)"])
            Counter(label: "hadir_clock_backward_jumps_total").increment()
            record("clock_backward_jump", detail: "back by \(jump.milliseconds) ms")
            publish(.clockJumpedBack(seconds: jump.milliseconds / 1000), kind: .clockBackwardJump, detail: "\(jump.milliseconds) ms")
        case .steppedForward(let milliseconds):
            logger.notice("wall clock stepped forward", metadata: ["by_ms": "\(milliseconds)"])
        }
    }

    /// Sync arrived: re-time this boot's unsynced punches against `reference`.
    private func synchronized(_ reference: SyncReference) {
        let corrected = correctPending(against: reference)
        var detail = "source \(reference.origin.rawValue)"
        if let corrected { detail += ", \(corrected) punch(es) corrected" }
        if counts.otherBoots > 0 { detail += ", \(counts.otherBoots) from earlier boots stay unsynced" }
        logger.notice(
            "clock synchronised", metadata: ["source": "\(reference.origin.rawValue)", "corrected": "\(corrected ?? 0)"])
        record("clock_synced", detail: detail)
        publish(.clockSynchronized, kind: .clockSynced, detail: detail)
    }

    /// Appends a correction for every uncorrected unsynced punch of this boot; returns how many,
    /// or nil when the store failed (the next poll that sees a straggler, or the next start, retries).
    @discardableResult
    private func correctPending(against reference: SyncReference) -> Int? {
        do {
            let plan = ClockCorrection.plan(try database.uncorrectedUnsyncedPunches(bootID: bootID), against: reference)
            let appended = try database.appendClockCorrections(
                plan.corrections, detail: "sync from \(reference.origin.rawValue)", actor: "clock")
            corrections = try database.correctionCount()
            counts = try database.uncorrectedUnsyncedCounts(bootID: bootID)
            if !appended.isEmpty {
                Counter(label: "hadir_clock_corrections_total").increment(by: appended.count)
                logger.notice(
                    "unsynced punches re-timed by correction rows",
                    metadata: ["count": "\(appended.count)", "seqs": "\(appended.compactMap(\.draft.correctsSeq))"])
            }
            return appended.count
        } catch {
            logger.error("clock corrections not recorded", metadata: ["error": "\(error)"])
            return nil
        }
    }

    // MARK: - Journal

    /// At the first poll: what earlier runs left uncorrected. Earlier boots' punches are reported
    /// once: nothing can correct them.
    private func loadPending() {
        do {
            let tip = try database.lastPunch()?.seq ?? 0
            counts = try database.uncorrectedUnsyncedCounts(bootID: bootID)
            corrections = try database.correctionCount()
            scannedThroughSeq = tip
            if counts.otherBoots > 0 {
                logger.warning(
                    "unsynced punches of earlier boots cannot be corrected: the monotonic clock of their boot is gone",
                    metadata: ["count": "\(counts.otherBoots)"])
            }
        } catch {
            logger.error("cannot read unsynced punches", metadata: ["error": "\(error)"])
        }
    }

    /// Punches recorded since the last poll. Unsynced ones taken while synced (the recorder read
    /// the source just before sync arrived) are corrected at once; others wait for sync.
    private func scanNewPunches() {
        guard let scanned = scannedThroughSeq else { return }
        do {
            let tip = try database.lastPunch()?.seq ?? scanned
            let fresh = try database.uncorrectedUnsyncedPunches(afterSeq: scanned)
            scannedThroughSeq = max(tip, fresh.last?.seq ?? tip)
            guard !fresh.isEmpty else { return }
            if integrity.isSynchronized, let reference = integrity.reference {
                correctPending(against: reference)
            } else {
                for punch in fresh {
                    if punch.draft.clock.bootID == bootID { counts.thisBoot += 1 } else { counts.otherBoots += 1 }
                }
            }
        } catch {
            logger.error("cannot read new punches for clock integrity", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - Output

    private func reportProblem(_ problem: String?) {
        guard problem != self.problem else { return }
        if let problem { logger.error("clock sync source unreadable; treating the clock as unsynced", metadata: ["problem": "\(problem)"]) }
        self.problem = problem
    }

    private func record(_ kind: String, detail: String) {
        let now = sample().sample
        try? database.recordScanEvent(
            kind: ScanEventKind(rawValue: kind), detail: detail, atMilliseconds: now.trueMilliseconds)
    }

    private func publish(_ feedback: KioskFeedback, kind: FeedbackEvent.Kind, detail: String) {
        hub.publish(FeedbackEvent(event: kind, message: feedback.text(in: language), detail: detail))
    }
}
