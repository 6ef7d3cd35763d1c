/// The office facts a monthly report needs beyond the punches: which days are working days,
/// and who signs it (`[report]` in the config).
public struct ReportSettings: Hashable, Sendable, Codable {
    /// Weekdays on which attendance is required.
    public var workingDays: Set<Weekday>
    /// Public and regional holidays: working weekdays on which nobody is absent.
    public var holidays: Set<LocalDate>
    /// Printed in the header; empty falls back to the profile's display name alone.
    public var officeName: String
    /// The head of office who signs the printed report ("Kepala Kantor"), and their NIP.
    public var headOfOffice: String
    public var headOfOfficeNIP: String

    public init(
        workingDays: Set<Weekday> = Weekday.mondayToFriday, holidays: Set<LocalDate> = [], officeName: String = "",
        headOfOffice: String = "", headOfOfficeNIP: String = ""
    ) {
        self.workingDays = workingDays
        self.holidays = holidays
        self.officeName = officeName
        self.headOfOffice = headOfOffice
        self.headOfOfficeNIP = headOfOfficeNIP
    }

    /// What kind of day `date` is for attendance.
    public func kind(of date: LocalDate) -> DayKind {
        if holidays.contains(date) { return .holiday }
        return workingDays.contains(date.weekday) ? .working : .dayOff
    }

    enum CodingKeys: String, CodingKey {
        case holidays
        case workingDays = "working_days"
        case officeName = "office_name"
        case headOfOffice = "head_of_office"
        case headOfOfficeNIP = "head_of_office_nip"
    }
}

/// Whether attendance is required on a date.
public enum DayKind: String, Sendable, Codable {
    case working
    /// A weekday outside `working_days` (usually Saturday and Sunday).
    case dayOff = "day_off"
    case holiday
}
