import HadirCore
import HadirPull
import HadirStore
import Logging
import Metrics

/// Turns an identified scan into a durable punch: dedupe window, attendance state, hash chain,
/// COMMIT — and only then the "Terima kasih" feedback. Nothing downstream gets a punch from memory.
public actor PunchRecorder {
    /// What became of a scan.
    public enum Outcome: Sendable, Hashable {
        case recorded(Punch)
        case duplicate
        case failed(String)
    }

    let database: HadirDatabase
    let clock: any ClockSource
    private(set) var profile: AttendanceProfile
    private(set) var window: DuplicateWindow
    let deviceSerial: String
    let hub: FeedbackHub
    let language: KioskLanguage
    let logger: Logger
    /// Pull sessions that registered for live events hear of each punch after its commit.
    let liveEvents: ZKLiveEventHub?
    /// Signs a checkpoint in the punch's own transaction when one is due.
    let checkpointing: JournalCheckpointing?
    /// Learns of a full disk from a refused punch, and of its end from the next stored one.
    let storage: StorageHealth?
    /// The last accepted punch per person, for the dedupe window.
    private var lastAccepted: [EmployeePIN: ClockReading] = [:]
    /// The local day (days since epoch) of each person's last check-in.
    private var checkedInDay: [EmployeePIN: Int64] = [:]

    public init(
        database: HadirDatabase, clock: any ClockSource, profile: AttendanceProfile, duplicateWindow: DuplicateWindow,
        deviceSerial: String, hub: FeedbackHub, language: KioskLanguage, logger: Logger,
        liveEvents: ZKLiveEventHub? = nil, checkpointing: JournalCheckpointing? = nil, storage: StorageHealth? = nil
    ) throws {
        self.storage = storage
        self.liveEvents = liveEvents
        self.checkpointing = checkpointing
        self.database = database
        self.clock = clock
        self.profile = profile
        self.window = duplicateWindow
        self.deviceSerial = deviceSerial
        self.hub = hub
        self.language = language
        self.logger = logger
        // A restart must not forget who already punched: seed from today's journal.
        let now = clock.now()
        let today = LocalDateTime(utcMilliseconds: now.utcMilliseconds, offsetSeconds: profile.zone.offsetSeconds)
        let midnight = LocalDateTime(year: today.year, month: today.month, day: today.day, hour: 0, minute: 0, second: 0)
        let since = min(
            midnight.utcMilliseconds(offsetSeconds: profile.zone.offsetSeconds), now.utcMilliseconds - Int64(duplicateWindow.seconds) * 1000
        )
        for punch in try database.punches(pin: nil, fromUTC: since, toUTC: nil, limit: nil) {
            lastAccepted[punch.pin] = punch.draft.clock
            if punch.draft.state == .checkIn {
                checkedInDay[punch.pin] =
                    LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: punch.draft.zoneOffsetSeconds).dayNumber
            }
        }
    }

    /// Changes the duplicate window for later scans (a server's SET OPTION).
    public func setDuplicateWindow(_ window: DuplicateWindow) {
        self.window = window
    }

    /// Changes the attendance windows for later scans (a SIGHUP reload). The zone stays: it is
    /// fixed for the daemon's life, so the day boundaries of seeded check-ins stay valid.
    public func setProfile(_ profile: AttendanceProfile) {
        guard profile.zone == self.profile.zone else { return }
        self.profile = profile
    }

    /// Records a punch for an identified employee. Feedback is published after the commit.
    @discardableResult
    public func record(_ employee: Employee, verify: VerifyMethod, slot: UInt16?) -> Outcome {
        let reading = clock.now()
        if let previous = lastAccepted[employee.pin], window.isRepeat(of: previous, at: reading) {
            try? database.recordScanEvent(
                kind: "duplicate", pin: employee.pin, slot: slot, detail: nil, atMilliseconds: reading.utcMilliseconds)
            let earlier = LocalDateTime(utcMilliseconds: previous.utcMilliseconds, offsetSeconds: profile.zone.offsetSeconds)
            hub.publish(
                FeedbackEvent(
                    event: .duplicate, message: KioskFeedback.alreadyRecorded(name: employee.name).text(in: language),
                    pin: employee.pin.rawValue, name: employee.name, slot: slot, previousLocalTime: earlier.description))
            return .duplicate
        }
        let offset = profile.zone.offsetSeconds
        let local = LocalDateTime(utcMilliseconds: reading.utcMilliseconds, offsetSeconds: offset)
        let assessment = profile.assess(local.clockTime, alreadyCheckedInToday: checkedInDay[employee.pin] == local.dayNumber)
        let draft = PunchDraft(
            deviceSerial: deviceSerial, pin: employee.pin, clock: reading, zoneOffsetSeconds: offset, verify: verify,
            state: assessment.classification.punchState, classification: assessment.classification)
        let punch: Punch
        do {
            punch = try database.append(draft, checkpointing: checkpointing)
        } catch .diskFull {
            return refuseForFullStorage(employee, slot: slot, at: reading.utcMilliseconds)
        } catch {
            logger.error("punch not recorded", metadata: ["pin": "\(employee.pin)", "error": "\(error)"])
            publish(.recordFailed, kind: .recordFailed, pin: employee.pin, name: employee.name, detail: "\(error)")
            return .failed("\(error)")
        }
        noteStored()
        lastAccepted[employee.pin] = reading
        if draft.state == .checkIn { checkedInDay[employee.pin] = local.dayNumber }
        let feedback = KioskFeedback.accepted(name: employee.name, time: local, assessment: assessment)
        hub.publish(
            FeedbackEvent(
                event: .punch, message: feedback.text(in: language), pin: employee.pin.rawValue, name: employee.name,
                seq: punch.seq, hash: punch.hash.hexString, localTime: local.description,
                classification: assessment.classification.rawValue, verify: verify.rawValue, slot: slot,
                detail: reading.quality == .synced ? nil : "clock \(reading.quality.rawValue)", minutesOff: assessment.minutesOff))
        liveEvents?.publish(ZKSnapshotEncoder.liveEvent(for: punch))
        Counter(label: "hadir_punches_total", dimensions: [("verify", String(verify.rawValue))]).increment()
        return .recorded(punch)
    }

    /// A finger or face the module does not know, or one in a slot no employee owns: an event, not
    /// a punch.
    public func recordUnknown(slot: UInt16?, detail: String?, modality: BiometricModality = .fingerprint) {
        let now = clock.now()
        let kind: FeedbackEvent.Kind = modality == .face ? .unknownFace : .unknownFinger
        do {
            try database.recordScanEvent(
                kind: ScanEventKind(rawValue: kind.rawValue), pin: nil, slot: slot, detail: detail, atMilliseconds: now.utcMilliseconds)
        } catch {
            logger.error("unknown-\(modality.rawValue) event not recorded", metadata: ["error": "\(error)"])
        }
        publish(modality == .face ? .unknownFace : .unknownFinger, kind: kind, slot: slot, detail: detail)
        Counter(label: modality == .face ? "hadir_unknown_faces_total" : "hadir_unknown_fingers_total").increment()
    }

    /// An image too poor to read, or a face that failed liveness: asked to try again, and counted
    /// for scanner health.
    public func recordUnreadable(detail: String, modality: BiometricModality = .fingerprint) {
        try? database.recordScanEvent(kind: "unreadable", pin: nil, slot: nil, detail: detail, atMilliseconds: clock.now().utcMilliseconds)
        publish(modality == .face ? .unreadableFace : .unreadableFinger, kind: .unreadable, detail: detail)
    }

    func publish(
        _ feedback: KioskFeedback, kind: FeedbackEvent.Kind, pin: EmployeePIN? = nil, name: String? = nil,
        slot: UInt16? = nil, detail: String? = nil
    ) {
        hub.publish(
            FeedbackEvent(event: kind, message: feedback.text(in: language), pin: pin?.rawValue, name: name, slot: slot, detail: detail))
    }
}
