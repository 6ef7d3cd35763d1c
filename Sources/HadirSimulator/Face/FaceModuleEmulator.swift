import HadirScanner

/// A simulated HLK-FM225-class face module speaking EFAA (reference §2), with no I/O at all.
///
/// Feed it the host's bytes with ``receive(_:now:)``, call ``tick(now:)`` by ``nextDeadline``,
/// and send back what both return. Time is the caller's monotonic milliseconds. The physical world
/// is ``show(face:now:)`` / ``hide(now:)``: virtual faces are numbers, like the fingerprint
/// simulator's fingers.
///
/// Behaviour, and where it is this simulator's choice rather than a documented module fact:
/// - VERIFY and the ENROLL family are jobs. They send FACE_STATE notes while looking, then one
///   REPLY: the decision once a face has been in view for `recognitionMilliseconds`, or 0x0D at the
///   requested timeout.
/// - ENROLL_ITG with `enable_duplicate = 0` refuses a face that is already enrolled with 0x0A. The
///   reply carries the owner's user id and directions after the result (simulator's choice; a
///   host must not depend on it).
/// - A multi-direction enrollment is remembered between commands until it completes, RESET, or
///   another face is captured. A user is stored once every direction is in, or at once for
///   ENROLL_SINGLE or type 1.
/// - While a job runs, only RESET and GET_STATUS are served; anything else gets 0x05 (simulator's
///   choice). RESET ends the job without replying to it.
/// - Frames with bad parity are dropped silently. An unknown command, or one with short data, gets
///   0x06 invalid parameter.
public struct FaceModuleEmulator: Sendable {
    public let configuration: FaceEmulatorConfiguration
    public internal(set) var users: FaceUserStore
    /// Commands answered, RESET and rejected ones included.
    public private(set) var commandsServed = 0
    /// Host frames dropped for bad parity or size.
    public private(set) var framesDropped = 0
    /// Jobs that ended with a REPLY (a decision or a timeout); a restart or RESET makes none.
    public internal(set) var decisionsMade = 0
    /// The face in front of the camera and since when.
    public internal(set) var faceInView: (face: Int, since: Int64)?
    var job: FaceJob?
    var pendingEnrollment: (face: Int, directions: EFAADirections)?
    var armedFaults: [FaceFault: Int] = [:]
    private var decoder = EFAAFrameDecoder(maximumDataLength: 256)

    public init(configuration: FaceEmulatorConfiguration = FaceEmulatorConfiguration(), users: FaceUserStore = FaceUserStore()) {
        self.configuration = configuration
        self.users = users
    }

    /// The READY note a module sends after power-on.
    public func powerOn() -> [UInt8] {
        Self.bytes(.note(.ready))
    }

    /// A power cycle (re-plug): the running job, a half-done enrollment and buffered host bytes are
    /// lost; enrolled users and armed faults stay. Returns the READY note sent on power-up.
    public mutating func powerCycle() -> [UInt8] {
        job = nil
        pendingEnrollment = nil
        decoder.reset()
        return powerOn()
    }

    /// Deletes every user (the control channel's `clear-library`), like DELETE_ALL.
    public mutating func clearLibrary() {
        users.removeAll()
        pendingEnrollment = nil
    }

    /// True while a VERIFY or enroll job runs.
    public var isBusy: Bool { job != nil }

    /// When ``tick(now:)`` has something to do: a note, a decision, a timeout.
    public var nextDeadline: Int64? {
        job.map { job in
            var at = min(job.deadline, job.nextNoteAt)
            if let view = faceInView, !job.ignoresFaces {
                at = min(at, max(view.since, job.startedAt) + configuration.recognitionMilliseconds)
            }
            if job.restartArmed { at = min(at, job.startedAt + configuration.restartAfterMilliseconds) }
            return at
        }
    }

    public mutating func show(face: Int, now: Int64) {
        if faceInView?.face != face { faceInView = (face, now) }
    }

    public mutating func hide(now: Int64) {
        faceInView = nil
    }

    /// Makes the next `count` jobs suffer `fault`.
    public mutating func arm(_ fault: FaceFault, count: Int = 1) {
        armedFaults[fault, default: 0] += max(0, count)
    }

    /// Bytes from the host; returns the module's answer (possibly nothing yet, for a job).
    public mutating func receive(_ bytes: [UInt8], now: Int64) -> [UInt8] {
        decoder.feed(bytes)
        var output: [UInt8] = []
        while true {
            let frame: EFAAFrame
            do {
                guard let next = try decoder.next() else { break }
                frame = next
            } catch {
                framesDropped += 1
                continue
            }
            output += handle(frame, now: now)
        }
        return output + tick(now: now)
    }

    private mutating func handle(_ frame: EFAAFrame, now: Int64) -> [UInt8] {
        commandsServed += 1
        let command: EFAACommand
        do {
            command = try EFAACommand(frame: frame)
        } catch {
            return Self.bytes(.reply(EFAAReply(command: frame.messageID, result: .invalidParameter)))
        }
        if job != nil {
            switch command {
            case .reset:
                job = nil
                pendingEnrollment = nil
                return Self.reply(.reset, .success)
            case .getStatus:
                return Self.reply(.getStatus, .success, .status(.busy))
            default:
                return Self.reply(command.id, .unknownError)
            }
        }
        return execute(command, now: now)
    }

    private mutating func execute(_ command: EFAACommand, now: Int64) -> [UInt8] {
        switch command {
        case .reset:
            pendingEnrollment = nil
            return Self.reply(.reset, .success)
        case .getStatus:
            return Self.reply(.getStatus, .success, .status(.standby))
        case .verify(let request):
            pendingEnrollment = nil
            start(.verify, timeoutSeconds: request.timeoutSeconds, now: now)
        case .enroll(let request):
            start(
                .enroll(FaceEnrollStep(command: .enroll, request: request, single: false, allowDuplicate: true)),
                timeoutSeconds: request.timeoutSeconds, now: now)
        case .enrollSingle(let request):
            start(
                .enroll(FaceEnrollStep(command: .enrollSingle, request: request, single: true, allowDuplicate: true)),
                timeoutSeconds: request.timeoutSeconds, now: now)
        case .enrollIntegrated(let request):
            let step = FaceEnrollStep(
                command: .enrollIntegrated,
                request: EFAAEnrollRequest(
                    admin: request.admin, name: request.name, direction: request.direction, timeoutSeconds: request.timeoutSeconds),
                single: request.type == 1, allowDuplicate: request.allowDuplicate)
            start(.enroll(step), timeoutSeconds: request.timeoutSeconds, now: now)
        case .deleteUser(let id):
            return Self.reply(.deleteUser, users.remove(id) ? .success : .unknownUser)
        case .deleteAll:
            users.removeAll()
            pendingEnrollment = nil
            return Self.reply(.deleteAll, .success)
        case .getUserInfo(let id):
            guard let user = users.users[id] else { return Self.reply(.getUserInfo, .unknownUser) }
            return Self.reply(.getUserInfo, .success, .userInfo(EFAAUserInfo(userID: user.userID, name: user.name, admin: user.admin)))
        case .getAllUserIDs:
            return Self.reply(.getAllUserIDs, .success, .userIDs(users.sortedIDs))
        case .getVersion:
            return Self.reply(.getVersion, .success, .text(configuration.version))
        case .getSerialNumber:
            return Self.reply(.getSerialNumber, .success, .text(configuration.serialNumber))
        }
        return []
    }

    private mutating func start(_ kind: FaceJob.Kind, timeoutSeconds: UInt8, now: Int64) {
        var job = FaceJob(kind: kind, startedAt: now, deadline: now + Int64(timeoutSeconds) * 1000, nextNoteAt: now)
        for fault in FaceFault.allCases where armedFaults[fault, default: 0] > 0 {
            armedFaults[fault, default: 0] -= 1
            switch fault {
            case .liveness: job.livenessFails = true
            case .timeout: job.ignoresFaces = true
            case .restart: job.restartArmed = true
            }
        }
        self.job = job
    }

    static func reply(_ command: EFAACommandID, _ result: EFAAResult, _ payload: EFAAReplyPayload = .none) -> [UInt8] {
        bytes(.reply(EFAAReply(command: command, result: result, payload: payload)))
    }

    static func bytes(_ message: EFAAMessage) -> [UInt8] {
        // Replies and notes are a few dozen bytes, always within a frame's limit.
        (try? message.frame().encoded) ?? []
    }
}
