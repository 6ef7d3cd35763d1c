/// One employee's sums over a report month.
///
/// Lateness and early leaving accumulate, and 7.5 hours (450 minutes) count as one day absent
/// (field rules, "Deductions and accumulation"). ``deductionHundredths`` is
/// (late + early-leave minutes) × 100 / 450, rounded half up to a hundredth of a day:
/// 60 minutes are 13.3 hundredths, printed "0.13".
public struct MonthlyTotals: Hashable, Sendable, Encodable {
    public static let minutesPerDay = 450

    public var workingDays: Int
    public var daysPresent: Int
    public var daysAbsent: Int
    public var lateMinutes: Int
    public var earlyLeaveMinutes: Int
    public var missingIn: Int
    public var missingOut: Int

    public init(_ days: [DayAttendance]) {
        let counted = days.filter { $0.kind == .working && !$0.upcoming }
        workingDays = counted.count
        daysPresent = counted.filter(\.present).count
        daysAbsent = counted.filter(\.absent).count
        lateMinutes = counted.reduce(0) { $0 + $1.lateMinutes }
        earlyLeaveMinutes = counted.reduce(0) { $0 + $1.earlyLeaveMinutes }
        missingIn = counted.filter(\.missingIn).count
        missingOut = counted.filter(\.missingOut).count
    }

    /// (late + early) in hundredths of a 450-minute day, rounded half up.
    public var deductionHundredths: Int { ((lateMinutes + earlyLeaveMinutes) * 100 * 2 + Self.minutesPerDay) / (2 * Self.minutesPerDay) }

    /// "0.13": ``deductionHundredths`` as a day count with two decimals.
    public var deductionDays: String {
        let hundredths = deductionHundredths
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(daysPresent, forKey: .daysPresent)
        try container.encode(daysAbsent, forKey: .daysAbsent)
        try container.encode(lateMinutes, forKey: .lateMinutes)
        try container.encode(earlyLeaveMinutes, forKey: .earlyLeaveMinutes)
        try container.encode(missingIn, forKey: .missingIn)
        try container.encode(missingOut, forKey: .missingOut)
        try container.encode(deductionDays, forKey: .deductionDays)
    }

    enum CodingKeys: String, CodingKey {
        case workingDays = "working_days"
        case daysPresent = "days_present"
        case daysAbsent = "days_absent"
        case lateMinutes = "late_minutes"
        case earlyLeaveMinutes = "early_leave_minutes"
        case missingIn = "missing_in"
        case missingOut = "missing_out"
        case deductionDays = "deduction_days"
    }
}
