/// One employee's attendance on one date of the report: the row a report prints per day.
public struct DayAttendance: Hashable, Sendable, Codable {
    public var date: LocalDate
    public var kind: DayKind
    /// The date is after the day the report was made: nothing is counted yet.
    public var upcoming: Bool
    public var punchCount: Int
    /// Local time of the arrival and the departure, "07:12:05"; nil when missing.
    public var firstIn: String?
    public var lastOut: String?
    public var lateMinutes: Int
    public var earlyLeaveMinutes: Int
    public var missingIn: Bool
    public var missingOut: Bool
    /// A working day with no punch at all.
    public var absent: Bool

    /// The day's row from its punches' local times. Only a counted working day has lateness,
    /// early leave and missing or absent flags; other days show their punches and nothing more.
    public init(date: LocalDate, kind: DayKind, upcoming: Bool, times: [LocalDateTime], profile: AttendanceProfile) {
        let reading = DayReading(times, profile: profile)
        let counted = kind == .working && !upcoming
        self.date = date
        self.kind = kind
        self.upcoming = upcoming
        punchCount = times.count
        firstIn = reading.arrival.map(Self.timeText)
        lastOut = reading.departure.map(Self.timeText)
        lateMinutes = counted ? reading.lateMinutes : 0
        earlyLeaveMinutes = counted ? reading.earlyLeaveMinutes : 0
        absent = counted && times.isEmpty
        missingIn = counted && !times.isEmpty && reading.arrival == nil
        missingOut = counted && !times.isEmpty && reading.departure == nil
    }

    /// A counted working day with at least one punch.
    public var present: Bool { kind == .working && !upcoming && punchCount > 0 }

    static func timeText(_ time: LocalDateTime) -> String { String(time.description.suffix(8)) }

    enum CodingKeys: String, CodingKey {
        case date, kind, upcoming, absent
        case punchCount = "punch_count"
        case firstIn = "first_in"
        case lastOut = "last_out"
        case lateMinutes = "late_minutes"
        case earlyLeaveMinutes = "early_leave_minutes"
        case missingIn = "missing_in"
        case missingOut = "missing_out"
    }
}
