import HadirCore

extension ControlActions {
    /// `GET /v1/report`: the monthly report of `month` (default: the previous month), in the
    /// profile's zone, from the journal and the users as they are now.
    func monthlyReport(month: ReportMonth?) async throws -> MonthlyReport {
        let profile = await recorder.profile
        let now = clock.now().utcMilliseconds
        let month = month ?? ReportMonth.previous(to: LocalDate(utcMilliseconds: now, offsetSeconds: profile.zone.offsetSeconds))
        let range = month.utcRange(offsetSeconds: profile.zone.offsetSeconds)
        return MonthlyReport(
            month: month, punches: try database.punches(fromUTC: range.lowerBound, toUTC: range.upperBound),
            employees: try database.users(), profile: profile, settings: reportSettings.value, deviceSerial: serial,
            generatedAtUTCMilliseconds: now)
    }
}
