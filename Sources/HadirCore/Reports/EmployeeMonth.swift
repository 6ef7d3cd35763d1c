/// One employee's page of the monthly report: a row per date and the month's totals.
public struct EmployeeMonth: Hashable, Sendable, Encodable {
    public var pin: EmployeePIN
    /// nil for a PIN that punched but is no longer (or never was) a user of this kiosk.
    public var name: String?
    public var days: [DayAttendance]
    public var totals: MonthlyTotals

    public init(pin: EmployeePIN, name: String?, days: [DayAttendance]) {
        self.pin = pin
        self.name = name
        self.days = days
        totals = MonthlyTotals(days)
    }
}
