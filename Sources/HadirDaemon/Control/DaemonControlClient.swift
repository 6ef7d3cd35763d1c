import Foundation
import HadirControl
import HadirCore
import HadirHTTPClient
import HadirStore

/// Typed calls to a running hadird's control API, for hadirctl and the system tests.
public struct DaemonControlClient: Sendable {
    public let http: ControlHTTPClient

    public init(endpoint: ControlHTTPClient.Endpoint) {
        http = ControlHTTPClient(endpoint: endpoint)
    }

    public init(socketPath: String) {
        self.init(endpoint: .unixSocket(socketPath))
    }

    public func status() throws(ControlClientError) -> StatusReport {
        try http.call(.get, "/v1/status", as: StatusReport.self)
    }

    /// Journal rows `from`...`to` (seqs) with the signed checkpoints that cover them.
    public func journalProof(from: Int64? = nil, to: Int64? = nil) throws(ControlClientError) -> JournalProof {
        let query = [from.map { "from=\($0)" }, to.map { "to=\($0)" }].compactMap { $0 }.joined(separator: "&")
        return try http.call(.get, "/v1/journal/proof" + (query.isEmpty ? "" : "?" + query), as: JournalProof.self)
    }

    /// A new template key; every stored template re-sealed with it.
    public func rotateTemplateKey() throws(ControlClientError) -> TemplateKeyRotation {
        try http.call(.post, "/v1/template-key/rotate", as: TemplateKeyRotation.self)
    }

    public func users() throws(ControlClientError) -> [UserRow] {
        try http.call(.get, "/v1/users", as: [UserRow].self)
    }

    @discardableResult
    public func addUser(pin: String, name: String) throws(ControlClientError) -> UserRow {
        try http.call(.post, "/v1/users", json: UserBody(pin: pin, name: name), as: UserRow.self)
    }

    public func removeUser(pin: String) throws(ControlClientError) {
        _ = try http.send(.delete, "/v1/users/" + ControlHTTPClient.percentEncoded(pin))
    }

    public func deleteFinger(pin: String) throws(ControlClientError) {
        _ = try http.send(.delete, "/v1/users/" + ControlHTTPClient.percentEncoded(pin) + "/finger")
    }

    public func deleteFace(pin: String) throws(ControlClientError) {
        _ = try http.send(.delete, "/v1/users/" + ControlHTTPClient.percentEncoded(pin) + "/face")
    }

    /// Enrolls a finger (or a face), handing each stage event to `onStage` as the scanner works.
    public func enroll(
        pin: String, replace: Bool = false, modality: BiometricModality = .fingerprint, onStage: (FeedbackEvent) -> Void = { _ in }
    ) throws(ControlClientError) -> EnrollmentResult {
        var result: EnrollmentResult?
        var failure: ControlClientError?
        let request = EnrollBody(pin: pin, replace: replace, modality: modality.rawValue)
        let body = Array((try? JSONEncoder().encode(request)) ?? Data())
        try http.stream(.post, "/v1/enroll", body: body) { event in
            let data = Data(event.data.utf8)
            switch event.event {
            case "stage":
                if let stage = try? JSONDecoder().decode(FeedbackEvent.self, from: data) { onStage(stage) }
                return true
            case "result":
                result = try? JSONDecoder().decode(EnrollmentResult.self, from: data)
                if result == nil { failure = .badReply(event.data) }
                return false
            case "error":
                let message = (try? JSONDecoder().decode(ControlErrorBody.self, from: data))?.error ?? event.data
                failure = .refused(status: 409, message: message)
                return false
            default:
                return true
            }
        }
        if let failure { throw failure }
        guard let result else { throw .badReply("the enrollment stream ended without a result") }
        return result
    }

    /// Follows every kiosk event until `onEvent` returns false or the daemon stops.
    public func events(_ onEvent: (FeedbackEvent) -> Bool) throws(ControlClientError) {
        try http.stream(.get, "/v1/events") { event in
            guard let feedback = try? JSONDecoder().decode(FeedbackEvent.self, from: Data(event.data.utf8)) else { return true }
            return onEvent(feedback)
        }
    }

    public func punches(_ query: PunchQuery) throws(ControlClientError) -> [PunchRow] {
        try http.call(.get, "/v1/punches", query: Self.parameters(query), as: [PunchRow].self)
    }

    public func punchesCSV(_ query: PunchQuery) throws(ControlClientError) -> String {
        String(decoding: try http.send(.get, "/v1/punches", query: Self.parameters(query) + [("format", "csv")]), as: UTF8.self)
    }

    public func reconcile(from: String, to: String) throws(ControlClientError) -> [DailyTally] {
        try http.call(.get, "/v1/reconcile", query: [("from", from), ("to", to)], as: [DailyTally].self)
    }

    /// `GET /v1/report`: the monthly report as the daemon renders it (`format` json, csv or html).
    public func report(month: String?, format: String) throws(ControlClientError) -> [UInt8] {
        try http.send(.get, "/v1/report", query: (month.map { [("month", $0)] } ?? []) + [("format", format)])
    }

    public func syncNow() throws(ControlClientError) -> [UplinkStatus] {
        try http.call(.post, "/v1/sync", as: [UplinkStatus].self)
    }

    public func metrics() throws(ControlClientError) -> String {
        String(decoding: try http.send(.get, "/v1/metrics"), as: UTF8.self)
    }

    /// Salvages the readable rows of the quarantined database `file` (a name in the state
    /// directory, or a path inside it) into the journal.
    public func recover(file: String) throws(ControlClientError) -> SalvageReport {
        var client = http
        // Reading a large damaged file row by row takes a while.
        client.timeout = .seconds(600)
        return try client.call(.post, "/v1/recover", json: RecoverBody(file: file), as: SalvageReport.self)
    }

    /// Tells the daemon how `hadirctl export-usb` ended, so the kiosk shows it.
    public func reportUsbExport(_ body: UsbExportBody) throws(ControlClientError) {
        _ = try http.call(.post, "/v1/usb-export", json: body, as: EmptyPayload.self)
    }

    public func auditFingers() throws(ControlClientError) -> FingerAuditPayload {
        try http.call(.get, "/v1/audit-fingers", as: FingerAuditPayload.self)
    }

    static func parameters(_ query: PunchQuery) -> [(String, String)] {
        var parameters: [(String, String)] = []
        if let pin = query.pin { parameters.append(("pin", pin)) }
        if let from = query.from { parameters.append(("from", from)) }
        if let to = query.to { parameters.append(("to", to)) }
        if let limit = query.limit { parameters.append(("limit", String(limit))) }
        return parameters
    }
}
