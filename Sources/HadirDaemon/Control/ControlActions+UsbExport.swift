import HadirControl
import HadirCore
import HadirStore

extension ControlActions {
    /// `POST /v1/usb-export`: shows "Data tersalin ke USB — aman dicabut" (or the failure) on the
    /// kiosk and keeps an audit line of what went onto the stick.
    func usbExported(_ body: UsbExportBody) throws -> EmptyPayload {
        let month = body.month ?? "month unknown"
        if let text = body.month, ReportMonth(parsing: text) == nil {
            throw ControlAPIError.badRequest("month \"\(text)\" is not like 2026-11")
        }
        guard body.files.count <= 16, body.files.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 255 }) else {
            throw ControlAPIError.badRequest("files: at most 16 names of 1-255 bytes")
        }
        let error = body.error.map { String($0.prefix(500)) }
        let language = configuration.device.language
        let feedback: KioskFeedback = error == nil ? .usbExported : .usbExportFailed
        let detail = error.map { "\(month): \($0)" } ?? "\(month): \(body.files.joined(separator: ", "))"
        try database.recordAudit(action: error == nil ? .usbExport : .usbExportFailed, detail: detail, actor: "hadirctl export-usb")
        hub.publish(
            FeedbackEvent(event: error == nil ? .usbExported : .usbExportFailed, message: feedback.text(in: language), detail: detail))
        return EmptyPayload()
    }
}
