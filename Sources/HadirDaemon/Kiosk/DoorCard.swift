import HadirCore

/// The result card the door screen shows for a few seconds after a scan: already worded in the
/// screen's language, and without the PIN (the screen faces the corridor).
public struct DoorCard: Codable, Sendable, Hashable {
    /// Decides the card's colour and icon.
    public enum Outcome: String, Codable, Sendable {
        case onTime = "on_time"
        case late
        case checkOut = "check_out"
        case earlyLeave = "early_leave"
        case recorded
        case duplicate
        case unknown
        case unreadable
        case fault
    }

    public var outcome: Outcome
    /// The big line: the person's name, or what went wrong.
    public var title: String
    /// "Masuk" / "Pulang"; nil when nothing was recorded.
    public var direction: String?
    /// "07:12"; the punch's local time.
    public var time: String?
    /// "Tepat waktu", "Terlambat 5 menit", "Anda sudah absen pukul 07:12", …
    public var status: String?
    public var seq: Int64?
    /// When the daemon published the event (ms since the epoch), for the delivery measurement.
    public var publishedAtMilliseconds: Int64?

    public init(
        outcome: Outcome, title: String, direction: String? = nil, time: String? = nil, status: String? = nil, seq: Int64? = nil,
        publishedAtMilliseconds: Int64? = nil
    ) {
        self.outcome = outcome
        self.title = title
        self.direction = direction
        self.time = time
        self.status = status
        self.seq = seq
        self.publishedAtMilliseconds = publishedAtMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case outcome, title, direction, time, status, seq
        case publishedAtMilliseconds = "published_at_ms"
    }
}

extension DoorCard {
    /// The card for a feedback event, or nil for events the person at the door need not see.
    public init?(_ event: FeedbackEvent, language: KioskLanguage) {
        func text(_ words: DoorScreenText) -> String { words.text(in: language) }
        switch event.event {
        case .punch:
            let classification = event.classification.flatMap(PunchClassification.init(rawValue:)) ?? .outsideWindow
            let minutes = event.minutesOff ?? 0
            let (outcome, direction, status): (Outcome, DoorScreenText, DoorScreenText) =
                switch classification {
                case .onTime: (.onTime, .checkIn, .onTime)
                case .late: (.late, .checkIn, .late(minutes: minutes))
                case .checkOut: (.checkOut, .checkOut, .thankYou)
                case .earlyLeave: (.earlyLeave, .checkOut, .earlyLeave(minutes: minutes))
                case .outsideWindow: (.recorded, .recorded, .outsideWindow)
                }
            self.init(
                outcome: outcome, title: event.name ?? text(.thankYou), direction: text(direction),
                time: event.localTime.flatMap(Self.clockTime)?.description, status: text(status))
            seq = event.seq
        case .duplicate:
            let earlier = event.previousLocalTime.flatMap(Self.clockTime)
            self.init(
                outcome: .duplicate, title: event.name ?? text(.alreadyRecorded(at: nil)), status: text(.alreadyRecorded(at: earlier)))
        case .unknownFinger: self.init(outcome: .unknown, title: text(.unknownFinger))
        case .unknownFace: self.init(outcome: .unknown, title: text(.unknownFace))
        case .unreadable: self.init(outcome: .unreadable, title: text(.unreadable))
        case .scannerDisconnected: self.init(outcome: .fault, title: text(.scannerFault))
        case .recordFailed: self.init(outcome: .fault, title: text(.recordFailed), status: event.name)
        case .storageFull: self.init(outcome: .fault, title: text(.storageFull))
        default: return nil
        }
        publishedAtMilliseconds = event.publishedAtMilliseconds
    }

    /// "2026-11-24 07:12:03" → 07:12.
    static func clockTime(_ localTime: String) -> ClockTime? {
        guard let space = localTime.firstIndex(of: " ") else { return nil }
        let parts = localTime[localTime.index(after: space)...].split(separator: ":")
        guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return ClockTime(hour: hour, minute: minute)
    }
}
