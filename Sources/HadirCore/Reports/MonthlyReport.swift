/// The monthly attendance report ("laporan finger") of one kiosk: printed on day 1 of the next
/// month, reconciled on days 1-4, final on day 5 (field rules, "Monthly reporting cycle").
///
/// Pure: built from punches, employees and settings the caller read. Punches are grouped by
/// their local date in the profile's zone, so a 00:30 punch belongs to the day it falls on.
public struct MonthlyReport: Sendable, Encodable {
    public var month: ReportMonth
    public var officeName: String
    public var profileID: String
    public var profileName: String
    public var zone: IndonesianZone
    public var deviceSerial: String
    /// Local time the report was made, in the profile's zone.
    public var generatedAt: String
    public var headOfOffice: String
    public var headOfOfficeNIP: String
    /// nil when no punch falls in the month.
    public var journal: JournalRange?
    /// By PIN: every known employee, and every PIN that punched in the month.
    public var employees: [EmployeeMonth]

    /// Builds the report of `month`. `punches` may hold any range: those outside the month, and
    /// those a correction among them supersedes, are ignored. Dates after `generatedAtUTCMilliseconds`'s local date are listed as upcoming.
    public init(
        month: ReportMonth, punches: [Punch], employees: [Employee], profile: AttendanceProfile, settings: ReportSettings,
        deviceSerial: String, generatedAtUTCMilliseconds: Int64
    ) {
        let offset = profile.zone.offsetSeconds
        let range = month.utcRange(offsetSeconds: offset)
        // A correction row re-states the instant of the row it corrects; only the correction counts.
        let superseded = Set(punches.compactMap(\.draft.correctsSeq))
        let included = punches.filter { range.contains($0.utcMilliseconds) && !superseded.contains($0.seq) }
        let today = LocalDate(utcMilliseconds: generatedAtUTCMilliseconds, offsetSeconds: offset)
        var timesByPIN: [EmployeePIN: [LocalDate: [LocalDateTime]]] = [:]
        for punch in included {
            let local = LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: offset)
            let date = LocalDate(year: local.year, month: local.month, day: local.day)!
            timesByPIN[punch.pin, default: [:]][date, default: []].append(local)
        }
        let names = Dictionary(employees.map { ($0.pin, $0.name) }, uniquingKeysWith: { first, _ in first })
        let pins = Set(names.keys).union(timesByPIN.keys).sorted()
        self.employees = pins.map { pin in
            let times = timesByPIN[pin] ?? [:]
            return EmployeeMonth(
                pin: pin, name: names[pin],
                days: month.days.map { date in
                    DayAttendance(
                        date: date, kind: settings.kind(of: date), upcoming: date > today, times: times[date] ?? [], profile: profile)
                })
        }
        self.month = month
        officeName = settings.officeName
        profileID = profile.id
        profileName = profile.displayName
        zone = profile.zone
        self.deviceSerial = deviceSerial
        generatedAt = LocalDateTime(utcMilliseconds: generatedAtUTCMilliseconds, offsetSeconds: offset).description
        headOfOffice = settings.headOfOffice
        headOfOfficeNIP = settings.headOfOfficeNIP
        journal = JournalRange(included)
    }

    enum CodingKeys: String, CodingKey {
        case month, zone, journal, employees
        case officeName = "office_name"
        case profileID = "profile"
        case profileName = "profile_name"
        case deviceSerial = "device_serial"
        case generatedAt = "generated_at"
        case headOfOffice = "head_of_office"
        case headOfOfficeNIP = "head_of_office_nip"
    }
}
