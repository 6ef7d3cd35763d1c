@testable import HadirUplink

/// Plays the I/O shell (and, through a closure, the server) against a session, checking after every
/// event what the shell relies on: one request at a time, batches contiguous from the persisted
/// cursor, cursor moves only as the rules allow, and always a request or a wait to come back on.
struct UplinkDriver {
    /// What the scripted server answers to a request.
    enum Reply {
        case handshake(ADMSServerOptions)
        case handshakeFailure(UplinkFailure, retryAfter: Duration? = nil)
        case optionsOK
        case optionsFailure(UplinkFailure)
        case uploadOK
        case uploadFailure(UplinkFailure, retryAfter: Duration? = nil)
        case pollOK(commands: Bool)
        case pollFailure(UplinkFailure, retryAfter: Duration? = nil)
    }

    private(set) var session: UplinkFixtures.Session
    private(set) var now: Int64
    /// How long each request takes.
    var latency: Int64 = 200
    private(set) var inFlight: UplinkAction?
    private(set) var replyAt: Int64 = 0
    private(set) var wakeAt: Int64?
    /// The cursor the shell has persisted.
    private(set) var persistedCursor: Int64
    private(set) var journalLast: Int64
    private(set) var quarantined: [Int64] = []
    /// Seqs the server accepted, in the order it accepted them.
    private(set) var delivered: [Int64] = []
    /// Every request with the instant it was sent.
    private(set) var requests: [(at: Int64, action: UplinkAction)] = []
    /// Cursor moves backwards, each from a handshake stamp.
    private(set) var rewinds: [(from: Int64, to: Int64)] = []
    private(set) var violations: [String] = []

    init(session: UplinkFixtures.Session, now: Int64 = UplinkFixtures.t0) {
        self.session = session
        self.now = now
        persistedCursor = session.ackedSeq
        journalLast = session.lastSeq
    }

    // MARK: Events

    mutating func start() {
        apply(fromHandshake: false, request: nil) { session, now in session.start(now: now) }
    }

    /// Answers the request in flight.
    mutating func deliver(_ reply: Reply) {
        guard let request = inFlight else {
            violations.append("reply \(reply) with nothing in flight")
            return
        }
        inFlight = nil
        if case .uploadOK = reply, case .uploadBatch(let batch) = request {
            delivered.append(contentsOf: (batch.afterSeq + 1)...batch.throughSeq)
        }
        let isHandshake: Bool
        if case .handshake = reply { isHandshake = true } else { isHandshake = false }
        apply(fromHandshake: isHandshake, request: request) { session, now in
            switch reply {
            case .handshake(let options): return session.handshakeReplied(options: options, now: now)
            case .handshakeFailure(let kind, let retryAfter): return session.handshakeFailed(reason: kind, retryAfter: retryAfter, now: now)
            case .optionsOK: return session.optionsUploaded(now: now)
            case .optionsFailure(let kind): return session.optionsUploadFailed(kind: kind, retryAfter: nil, now: now)
            case .uploadOK:
                guard case .uploadBatch(let batch) = request else { return session.tick(now: now) }
                return session.uploadSucceeded(throughSeq: batch.throughSeq, now: now)
            case .uploadFailure(let kind, let retryAfter): return session.uploadFailed(kind: kind, retryAfter: retryAfter, now: now)
            case .pollOK(let commands): return session.pollReplied(commandsPresent: commands, now: now)
            case .pollFailure(let kind, let retryAfter): return session.pollFailed(kind: kind, retryAfter: retryAfter, now: now)
            }
        }
    }

    /// Commits `count` new punches to the journal.
    mutating func punch(_ count: Int64 = 1) {
        journalLast += count
        let last = journalLast
        apply(fromHandshake: false, request: nil) { session, now in session.journalAdvanced(lastSeq: last, now: now) }
    }

    mutating func tick() {
        apply(fromHandshake: false, request: nil) { session, now in session.tick(now: now) }
    }

    mutating func check() {
        apply(fromHandshake: false, request: nil) { session, now in session.checkRequested(now: now) }
    }

    mutating func log() {
        apply(fromHandshake: false, request: nil) { session, now in session.logRequested(now: now) }
    }

    /// Prunes the journal below `retainedFromSeq`, never past what this server acked.
    mutating func prune(retainedFromSeq: Int64) {
        let seq = min(retainedFromSeq, persistedCursor + 1)
        apply(fromHandshake: false, request: nil) { session, now in session.journalPruned(retainedFromSeq: seq, now: now) }
    }

    /// Moves the clock (backwards too, for clock faults) without an event.
    mutating func setClock(_ instant: Int64) {
        now = instant
    }

    // MARK: Running

    /// Runs the loop until `end`: punches arrive at `punchTimes`, requests take `latency` and are
    /// answered by `server`, waits end with a tick.
    mutating func run(until end: Int64, punchTimes: [Int64] = [], server: (UplinkAction, Int64) -> Reply) {
        var punches = punchTimes.sorted()[...]
        var steps = 0
        while steps < 5_000_000 {
            steps += 1
            let next = inFlight != nil ? replyAt : (wakeAt ?? .max)
            if let punchAt = punches.first, punchAt <= min(next, end) {
                punches.removeFirst()
                now = max(now, punchAt)
                punch()
                continue
            }
            guard next <= end else {
                now = max(now, end)
                return
            }
            now = max(now, next)
            if let request = inFlight {
                deliver(server(request, now))
            } else {
                tick()
            }
        }
        violations.append("run did not settle")
    }

    // MARK: Checks

    private mutating func apply(
        fromHandshake: Bool, request answered: UplinkAction?, _ event: (inout UplinkFixtures.Session, Int64) -> [UplinkAction]
    ) {
        let at = now
        let actions = event(&session, at)
        let issued = actions.requests
        if issued.count > 1 { violations.append("two requests from one event: \(actions)") }
        if !issued.isEmpty && inFlight != nil { violations.append("request \(issued) while \(String(describing: inFlight)) in flight") }
        for (index, action) in actions.enumerated() {
            let isLast = index == actions.count - 1
            switch action {
            case .sendHandshake, .uploadOptions, .poll:
                if !isLast { violations.append("request not last: \(actions)") }
            case .uploadBatch(let batch):
                if !isLast { violations.append("request not last: \(actions)") }
                if batch.afterSeq != persistedCursor { violations.append("batch \(batch) does not start at cursor \(persistedCursor)") }
                if batch.throughSeq > journalLast || batch.throughSeq <= batch.afterSeq {
                    violations.append("batch \(batch) outside journal ..\(journalLast)")
                }
                if batch.limit != Int(batch.throughSeq - batch.afterSeq) || batch.limit > session.configuration.maxBatch {
                    violations.append("batch limit \(batch)")
                }
                if batch.stamp != batch.throughSeq { violations.append("stamp \(batch)") }
            case .wait(let until):
                if !isLast { violations.append("wait not last: \(actions)") }
                if until <= at { violations.append("wait until \(until) not after now \(at)") }
            case .quarantine(let seq, _, _):
                quarantined.append(seq)
                if seq != persistedCursor + 1 { violations.append("quarantine \(seq) is not the head after \(persistedCursor)") }
                if !actions[index...].contains(.setCursor(seq)) { violations.append("quarantine without a following cursor: \(actions)") }
            case .setCursor(let seq):
                checkCursorMove(to: seq, fromHandshake: fromHandshake, answered: answered, actions: actions)
                persistedCursor = seq
            case .alert:
                break
            }
        }
        if persistedCursor != session.ackedSeq { violations.append("persisted \(persistedCursor) != session \(session.ackedSeq)") }
        if let request = issued.first {
            inFlight = request
            replyAt = at + latency
            wakeAt = nil
            requests.append((at, request))
        } else if inFlight == nil {
            if let until = actions.waitUntil {
                wakeAt = until
            } else if session.state != .idle {
                violations.append("nothing in flight and no wait after \(actions) in \(session.state)")
            }
        }
        if session.requestInFlight != (inFlight != nil) {
            violations.append("session in flight \(session.requestInFlight), shell waits on \(String(describing: inFlight))")
        }
    }

    private mutating func checkCursorMove(to seq: Int64, fromHandshake: Bool, answered: UplinkAction?, actions: [UplinkAction]) {
        if seq < persistedCursor {
            if !fromHandshake { violations.append("cursor moved back \(persistedCursor)→\(seq) outside a handshake") }
            if seq < session.retainedFromSeq - 1 { violations.append("rewind below retention: \(seq)") }
            rewinds.append((persistedCursor, seq))
        } else if actions.contains(where: { if case .quarantine(seq, _, _) = $0 { return true } else { return false } }) {
            if seq != persistedCursor + 1 { violations.append("quarantine jumped \(persistedCursor)→\(seq)") }
        } else if case .uploadBatch(let batch) = answered {
            if !(batch.afterSeq < seq && seq <= batch.throughSeq) { violations.append("cursor \(seq) outside acked batch \(batch)") }
        } else {
            violations.append("cursor moved forward \(persistedCursor)→\(seq) without an upload success or quarantine")
        }
    }
}
