/// The monthly report as one self-contained printable page (A4, inline CSS, no external assets):
/// one sheet per employee, each with the office header, the day table, the totals and the head
/// of office's signature block, so each employee's sheet can be handed out and signed alone.
public enum MonthlyReportHTML {
    public static func render(_ report: MonthlyReport, language: KioskLanguage) -> String {
        let text = ReportText.of(language)
        let title = "\(text.title) \(text.monthName(report.month))"
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        if report.employees.isEmpty {
            html +=
                "<section class=\"sheet\">\n" + header(report, text: text) + "<p>\(escape(text.noEmployees))</p>\n"
                + signature(report, text: text) + "</section>\n"
        }
        for employee in report.employees {
            html +=
                "<section class=\"sheet\">\n" + header(report, text: text) + employeeTable(employee, text: text)
                + totals(employee.totals, text: text) + signature(report, text: text) + "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static let style = """
        @page { size: A4; margin: 10mm 12mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #000; margin: 0; }
        .sheet { break-after: page; page-break-after: always; }
        .sheet:last-child { break-after: auto; page-break-after: auto; }
        h1 { font-size: 12pt; margin: 0 0 1mm 0; }
        h2 { font-size: 10pt; margin: 2mm 0 1mm 0; }
        .meta { margin: 0; font-size: 7.5pt; }
        .meta td { padding: 0 3mm 0 0; border: none; vertical-align: top; }
        .meta td:first-child { white-space: nowrap; }
        table.days { border-collapse: collapse; width: 100%; }
        table.days th, table.days td { border: 0.3pt solid #444; padding: 0.2mm 1.2mm; text-align: left; }
        table.days th { background: #e6e6e6; }
        table.days td.num { text-align: right; }
        tr.off td { color: #666; background: #f4f4f4; }
        tr.absent td { font-weight: bold; }
        .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 6.5pt; word-break: break-all; }
        .signature { margin-top: 4mm; margin-left: 60%; break-inside: avoid; }
        .signature p { margin: 0; }
        .signature .space { height: 16mm; }
        """

    static func header(_ report: MonthlyReport, text: ReportText) -> String {
        let office = [report.officeName, report.profileName].filter { !$0.isEmpty }.joined(separator: " — ")
        let journal =
            report.journal.map {
                "seq \($0.firstSeq)–\($0.lastSeq) (\($0.punches)); "
                    + "<span class=\"hash\">\(escape($0.firstHash)) … \(escape($0.lastHash))</span>"
            } ?? escape(text.noPunches)
        let rows: [(String, String)] = [
            (text.period, escape(text.monthName(report.month)) + " (\(escape(report.month.description)))"),
            (text.zone, "\(escape(report.zone.rawValue)) (\(escape(report.zone.identifier)))"),
            (text.generatedAt, escape("\(report.generatedAt) \(report.zone.rawValue)")),
            (text.device, escape(report.deviceSerial)),
            (text.journal, journal),
        ]
        return "<h1>\(escape(text.title))</h1>\n<h2>\(escape(office))</h2>\n<table class=\"meta\">\n"
            + rows.map { "<tr><td>\(escape($0.0))</td><td>\($0.1)</td></tr>\n" }.joined() + "</table>\n"
    }

    static func employeeTable(_ employee: EmployeeMonth, text: ReportText) -> String {
        let name = employee.name ?? text.unknownName
        var html = "<h2>\(escape(text.employee)): \(escape(name)) — PIN \(escape(employee.pin.rawValue))</h2>\n"
        html += "<table class=\"days\">\n<tr>"
        for column in [text.date, text.day, text.firstIn, text.lastOut, text.late, text.earlyLeave, text.note] {
            html += "<th>\(escape(column))</th>"
        }
        html += "</tr>\n"
        for day in employee.days {
            let rowClass = day.kind != .working || day.upcoming ? " class=\"off\"" : day.absent ? " class=\"absent\"" : ""
            let cells = [
                escape(day.date.description), escape(text.weekdays[day.date.weekday] ?? ""), escape(day.firstIn ?? "–"),
                escape(day.lastOut ?? "–"),
            ]
            html +=
                "<tr\(rowClass)>" + cells.map { "<td>\($0)</td>" }.joined()
                + "<td class=\"num\">\(minutes(day.lateMinutes))</td><td class=\"num\">\(minutes(day.earlyLeaveMinutes))</td>"
                + "<td>\(escape(text.note(day)))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func totals(_ totals: MonthlyTotals, text: ReportText) -> String {
        let rows: [(String, String)] = [
            (text.workingDays, "\(totals.workingDays) \(text.daysUnit)"),
            (text.present, "\(totals.daysPresent) \(text.daysUnit)"),
            (text.absent, "\(totals.daysAbsent) \(text.daysUnit)"),
            (text.late, "\(totals.lateMinutes) \(text.minutesUnit)"),
            (text.earlyLeave, "\(totals.earlyLeaveMinutes) \(text.minutesUnit)"),
            (text.missingIn + " / " + text.missingOut, "\(totals.missingIn) / \(totals.missingOut)"),
            (text.lateEarlyAsDays, "\(totals.deductionDays) \(text.daysUnit)"),
        ]
        return "<h2>\(escape(text.totals))</h2>\n<table class=\"meta\">\n"
            + rows.map { "<tr><td>\(escape($0.0))</td><td>\(escape($0.1))</td></tr>\n" }.joined() + "</table>\n"
    }

    static func signature(_ report: MonthlyReport, text: ReportText) -> String {
        let name = report.headOfOffice.isEmpty ? "...................................." : report.headOfOffice
        let nip = report.headOfOfficeNIP.isEmpty ? "...................................." : report.headOfOfficeNIP
        return "<div class=\"signature\">\n<p>\(escape(text.headOfOffice))</p>\n<div class=\"space\"></div>\n"
            + "<p><strong>\(escape(name))</strong><br>\(escape(text.nip)) \(escape(nip))</p>\n</div>\n"
    }

    /// Zero prints as a dash so the minutes that count stand out.
    static func minutes(_ value: Int) -> String { value == 0 ? "–" : String(value) }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
