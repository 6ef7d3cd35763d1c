import HadirCore
import HadirHTTPClient
import HadirStore
import Logging
import Synchronization

/// The I/O shell of one server's ``UplinkSession``: performs its actions over HTTP and against the
/// store, feeds the replies back as events, and runs server commands. One request at a time.
public final class UplinkClient: Sendable {
    let settings: UplinkClientSettings
    let endpoints: ADMSEndpoints
    let database: HadirDatabase
    let transport: any HTTPTransport
    let executor: UplinkCommandExecutor
    let kiosk: any UplinkKiosk
    let clock: @Sendable () -> Int64
    let logger: Logger
    let signals = Mutex(Signals())

    struct Signals {
        var syncRequested = false
        /// A REBOOT ran; restart once every result (its own included) has reached the server.
        var restartOwed = false
    }

    public init(
        settings: UplinkClientSettings, database: HadirDatabase, transport: any HTTPTransport, executor: UplinkCommandExecutor,
        kiosk: any UplinkKiosk, clock: @escaping @Sendable () -> Int64, logger: Logger
    ) throws(ADMSEndpointError) {
        self.settings = settings
        endpoints = try ADMSEndpoints(baseURL: settings.baseURL, serialNumber: settings.serialNumber, aspxSuffix: settings.aspx)
        self.database = database
        self.transport = transport
        self.executor = executor
        self.kiosk = kiosk
        self.clock = clock
        var logger = logger
        logger[metadataKey: "server"] = "\(settings.server)"
        self.logger = logger
    }

    public var server: String { settings.server }

    /// `hadirctl sync --now`: handshake, upload and poll at once, skipping any backoff.
    public func requestSync() {
        signals.withLock { $0.syncRequested = true }
    }

    /// Runs until the task is cancelled.
    public func run() async {
        let state = (try? database.uplinkState(server: server)) ?? UplinkServerState(server: server)
        var session = UplinkSession(
            configuration: settings.session, ackedSeq: state.ackedSeq, lastSeq: lastJournalSeq(), retainedFromSeq: 1)
        var pending = session.start(now: clock())
        while !Task.isCancelled {
            var next: [UplinkAction] = []
            var waitUntil: Int64?
            for action in pending {
                switch action {
                case .setCursor(let seq):
                    persist { try database.setAckedSeq(server: server, seq: seq, atMilliseconds: clock()) }
                case .quarantine(let seq, let reason, let tries):
                    persist {
                        try database.quarantinePunch(server: server, seq: seq, reason: reason, tries: tries, atMilliseconds: clock())
                    }
                case .alert(let alert):
                    logger.warning("uplink alert", metadata: ["alert": "\(alert)"])
                case .wait(let until):
                    waitUntil = until
                case .sendHandshake:
                    next = await handshake(&session)
                case .uploadOptions(let keys):
                    next = await uploadOptions(keys, &session)
                case .uploadBatch(let batch):
                    next = await upload(batch, &session)
                case .poll(let includeInfo):
                    next = await poll(includeInfo: includeInfo, &session)
                }
            }
            pending = next.isEmpty ? await idle(until: waitUntil, &session) : next
        }
    }

    /// Waits for the session's deadline, a new punch, or a sync request, whichever comes first.
    ///
    /// The deadline is a wall-clock instant, but the wait runs on the monotonic clock, at most a
    /// second at a time: if the wall clock is set back a day meanwhile, waiting for it to reach the
    /// old instant would freeze the uplink for that day. After each slice the session sees the
    /// current wall time, repairs its deadlines after a jump back, and acts at once after a jump
    /// forward (e.g. a `TransTimes` window reached by an NTP correction).
    private func idle(until: Int64?, _ session: inout UplinkSession<SystemRandomNumberGenerator>) async -> [UplinkAction] {
        let start = clock()
        let deadline = ContinuousClock.now + .milliseconds(min(max(0, (until ?? start + 200) - start), 1000))
        while !Task.isCancelled {
            if signals.withLock({ signal in
                defer { signal.syncRequested = false }
                return signal.syncRequested
            }) {
                // As the server's CHECK, skipping backoffs: a fresh handshake, the backlog, a poll.
                return session.syncRequested(now: clock())
            }
            let last = lastJournalSeq()
            if last > session.lastSeq { return session.journalAdvanced(lastSeq: last, now: clock()) }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return session.tick(now: clock()) }
            try? await Task.sleep(for: min(remaining, .milliseconds(200)))
        }
        return []
    }

    private func lastJournalSeq() -> Int64 {
        (try? database.lastPunch()?.seq) ?? 0
    }

    func persist(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            logger.error("uplink state not saved", metadata: ["error": "\(error)"])
        }
    }

    /// Logs a failed exchange and keeps it as the server's last error for status. A request aborted
    /// because the uplink is stopping is not the server's fault, and must not overwrite the real one.
    func recordFailure(_ reason: String) {
        guard !Task.isCancelled else { return }
        logger.notice("uplink exchange failed", metadata: ["reason": "\(reason)"])
        UplinkMetrics.failure(server: server)
        persist { try database.recordUplinkError(server: server, reason: reason, atMilliseconds: clock()) }
    }

    /// Sends a request; a transport error comes back as a reason string.
    func exchange(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPError> {
        do {
            return .success(try await transport.send(request))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Handshake

    private func handshake(_ session: inout UplinkSession<SystemRandomNumberGenerator>) async -> [UplinkAction] {
        let sentAt = clock()
        switch await exchange(.get(endpoints.handshake())) {
        case .failure(let error):
            recordFailure("handshake: \(error)")
            return session.handshakeFailed(reason: .transport, retryAfter: nil, now: clock())
        case .success(let response):
            let now = clock()
            guard response.status == 200 else {
                recordFailure("handshake: HTTP \(response.status)")
                return session.handshakeFailed(
                    reason: .httpStatus(response.status), retryAfter: HTTPDate.retryAfter(response.value(for: "Retry-After"), now: now),
                    now: now)
            }
            let options: ADMSServerOptions
            do {
                switch try ADMSHandshakeParser.parse(response.body) {
                case .options(let parsed): options = parsed
                case .useDefaults: options = ADMSServerOptions()
                case .retry(let reason):
                    recordFailure("handshake: server asked to retry (\(reason))")
                    return session.handshakeFailed(reason: .notOK(reason), retryAfter: nil, now: now)
                }
            } catch {
                recordFailure("handshake: \(error)")
                return session.handshakeFailed(reason: .notOK("\(error)"), retryAfter: nil, now: now)
            }
            let drift = drift(response, sentAt: sentAt, now: now)
            persist { try database.recordHandshake(server: server, atMilliseconds: now, clockDriftMilliseconds: drift) }
            if let drift {
                UplinkMetrics.clockDrift(server: server, milliseconds: drift)
                await kiosk.serverClockObserved(driftMilliseconds: drift)
            }
            return session.handshakeReplied(options: options, now: clock())
        }
    }

    /// Server clock minus ours, trusted only when the round trip was under 5 s (reference §4).
    func drift(_ response: HTTPResponse, sentAt: Int64, now: Int64) -> Int64? {
        guard response.roundTripDuration < .seconds(5), let date = response.date, let server = HTTPDate.utcMilliseconds(date) else {
            return nil
        }
        // The Date header is truncated to the second and stamped mid-exchange.
        return server + 500 - (sentAt + now) / 2
    }

    private func uploadOptions(_ keys: [String], _ session: inout UplinkSession<SystemRandomNumberGenerator>) async -> [UplinkAction] {
        let all = [
            ADMSKeyValue("~DeviceName", "Hadir"), ADMSKeyValue("FWVersion", kiosk.firmwareVersion),
            ADMSKeyValue("PushVersion", "2.4.1"), ADMSKeyValue("Language", "73"), ADMSKeyValue("IPAddress", ""),
            ADMSKeyValue("FingerFunOn", "1"), ADMSKeyValue("FaceFunOn", "0"),
        ]
        let body = ADMSOptionsUpload.body(ADMSOptionsUpload.selecting(all, requested: keys))
        switch await exchange(.post(endpoints.optionsUpload(), body: Array(body.utf8))) {
        case .failure(let error):
            recordFailure("options: \(error)")
            return session.optionsUploadFailed(kind: .transport, retryAfter: nil, now: clock())
        case .success(let response):
            let reply = ADMSUploadReply(statusCode: response.status, body: response.body)
            guard reply.isAccepted else {
                return session.optionsUploadFailed(kind: Self.failure(reply), retryAfter: nil, now: clock())
            }
            return session.optionsUploaded(now: clock())
        }
    }

    // MARK: Upload

    private func upload(_ batch: UplinkBatch, _ session: inout UplinkSession<SystemRandomNumberGenerator>) async -> [UplinkAction] {
        let punches: [Punch]
        do {
            punches = try database.punches(afterSeq: batch.afterSeq, limit: batch.limit).filter { $0.seq <= batch.throughSeq }
        } catch {
            recordFailure("reading the journal: \(error)")
            return session.uploadFailed(kind: .transport, retryAfter: nil, now: clock())
        }
        let encoded: ATTLOGBatch
        do {
            encoded = try ATTLOGEncoder.batch(
                punches, zoneOffsetSeconds: settings.zoneOffsetSeconds, originals: correctedOriginals(of: punches))
        } catch {
            recordFailure("encoding seq \(batch.afterSeq + 1)...\(batch.throughSeq): \(error)")
            return session.uploadFailed(kind: .notOK("cannot encode: \(error)"), retryAfter: nil, now: clock())
        }
        switch await exchange(.post(endpoints.upload(table: .attendanceLog, stamp: encoded.stamp), body: encoded.bodyBytes)) {
        case .failure(let error):
            recordFailure("upload: \(error)")
            return session.uploadFailed(kind: .transport, retryAfter: nil, now: clock())
        case .success(let response):
            let now = clock()
            let reply = ADMSUploadReply(statusCode: response.status, body: response.body)
            guard reply.isAccepted else {
                recordFailure("upload seq \(encoded.firstSeq)...\(encoded.stamp): HTTP \(response.status) \(reply.bodyExcerpt)")
                return session.uploadFailed(
                    kind: Self.failure(reply), retryAfter: HTTPDate.retryAfter(response.value(for: "Retry-After"), now: now), now: now)
            }
            return session.uploadSucceeded(throughSeq: encoded.stamp, now: now)
        }
    }

    static func failure(_ reply: ADMSUploadReply) -> UplinkFailure {
        switch reply.outcome {
        case .accepted, .failBody, .unexpectedBody: .notOK(reply.bodyExcerpt)
        case .payloadTooLarge: .tooLarge
        case .serverError, .rejectedStatus: .httpStatus(reply.statusCode)
        }
    }
}
