import HadirControl
import HadirCore

/// The monthly report as RFC 4180 CSV: one `day` row per employee and date, then one `total` row
/// per employee. Column names are stable; scripts read them by name.
public enum MonthlyReportCSV {
    public static let header = [
        "row", "pin", "name", "date", "weekday", "day_kind", "first_in", "last_out", "late_minutes", "early_leave_minutes",
        "missing_in", "missing_out", "absent", "punch_count", "working_days", "days_present", "days_absent", "deduction_days",
    ]

    public static func render(_ report: MonthlyReport) -> String {
        var table = CSVTable(header: header)
        for employee in report.employees {
            let name = employee.name ?? ""
            for day in employee.days {
                table.append([
                    "day", employee.pin.rawValue, name, day.date.description, day.date.weekday.rawValue,
                    day.upcoming ? "upcoming" : day.kind.rawValue, day.firstIn ?? "", day.lastOut ?? "", String(day.lateMinutes),
                    String(day.earlyLeaveMinutes), flag(day.missingIn), flag(day.missingOut), flag(day.absent), String(day.punchCount),
                    "", "", "", "",
                ])
            }
            let totals = employee.totals
            table.append([
                "total", employee.pin.rawValue, name, report.month.description, "", "", "", "", String(totals.lateMinutes),
                String(totals.earlyLeaveMinutes), String(totals.missingIn), String(totals.missingOut), String(totals.daysAbsent),
                String(employee.days.reduce(0) { $0 + $1.punchCount }), String(totals.workingDays), String(totals.daysPresent),
                String(totals.daysAbsent), totals.deductionDays,
            ])
        }
        return table.text
    }

    static func flag(_ value: Bool) -> String { value ? "1" : "0" }
}
