/// Which month a USB export carries when none is asked for.
public enum UsbExportMonth {
    /// The last day of the next month on which the previous month is still the one being
    /// reconciled: reports are printed on day 1 and finalised on day 5 (field-rules.md).
    public static let lastReconciliationDay = 5

    /// Days 1-5: the previous month (the one being reported). Later: the current month so far.
    public static func choose(today: LocalDate) -> ReportMonth {
        today.day <= lastReconciliationDay ? ReportMonth.previous(to: today) : ReportMonth(year: today.year, month: today.month)!
    }
}
