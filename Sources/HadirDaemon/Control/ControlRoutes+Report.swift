import Foundation
import HadirControl
import HadirCore
import Hummingbird

extension ControlRoutes {
    /// `GET /v1/report?month=YYYY-MM&format=json|csv|html`.
    static func report(_ request: Request, actions: ControlActions) async throws -> Response {
        let parameters = request.uri.queryParameters
        for (key, _) in parameters where key != "month" && key != "format" {
            throw ControlAPIError.badRequest("unknown query parameter \"\(key)\"; known: format, month")
        }
        var month: ReportMonth?
        if let text = parameters.get("month") {
            guard let parsed = ReportMonth(parsing: text) else {
                throw ControlAPIError.badRequest("month \"\(text)\" is not a month like 2026-11")
            }
            month = parsed
        }
        let format = parameters.get("format") ?? "json"
        guard ["json", "csv", "html"].contains(format) else {
            throw ControlAPIError.badRequest("format \"\(format)\" is not json, csv or html")
        }
        let report = try await actions.monthlyReport(month: month)
        let name = "laporan-\(actions.serial)-\(report.month)"
        switch format {
        case "csv": return csv(MonthlyReportCSV.render(report), name: name + ".csv")
        case "html":
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "inline; filename=\"\(name).html\""],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: MonthlyReportHTML.render(report, language: actions.configuration.device.language))))
        default: return try ControlJSON.response(report)
        }
    }
}
