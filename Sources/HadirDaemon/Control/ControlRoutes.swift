import Foundation
import HadirControl
import HadirCore
import Hummingbird

/// The control API (`/v1/...`): HTTP in, ``ControlActions`` calls, JSON (or CSV, Prometheus
/// text, server-sent events) out. Every error is a JSON body with a 4xx/5xx status.
enum ControlRoutes {
    static let index = [
        "GET /v1/status", "GET /v1/users", "POST /v1/users {pin,name}", "DELETE /v1/users/{pin}", "DELETE /v1/users/{pin}/finger",
        "DELETE /v1/users/{pin}/face", "POST /v1/enroll {pin,replace,modality} (server-sent events)",
        "GET /v1/punches?from=&to=&pin=&limit=&format=json|csv",
        "GET /v1/reconcile?from=&to=", "GET /v1/report?month=YYYY-MM&format=json|csv|html", "POST /v1/sync",
        "GET /v1/events (server-sent events)", "GET /v1/metrics",
        "GET /v1/audit-fingers", "GET /v1/doctor", "GET /journal/proof?from=&to= (seqs; also /v1/journal/proof)",
        "POST /v1/template-key/rotate",
        "POST /v1/recover {file} (a quarantined database)",
        "POST /v1/usb-export {month,files,error} (kiosk message after hadirctl export-usb)",
    ]

    static func register(on router: Router<ControlRequestContext>, actions: ControlActions) {
        let v1 = router.group("v1")
        v1.get { _, _ in try ControlJSON.response(["endpoints": index]) }
        v1.get("status") { _, _ in try ControlJSON.response(try await actions.status()) }
        v1.get("users") { _, _ in try ControlJSON.response(try actions.users()) }
        v1.post("users") { request, _ in
            try ControlJSON.response(try actions.addUser(try await ControlJSON.decode(UserBody.self, from: request)))
        }
        v1.delete("users/:pin") { _, context in
            try await actions.removeUser(try context.parameters.require("pin"))
            return try ControlJSON.response(EmptyPayload())
        }
        v1.delete("users/:pin/finger") { _, context in
            try await actions.deleteFinger(try context.parameters.require("pin"))
            return try ControlJSON.response(EmptyPayload())
        }
        v1.delete("users/:pin/face") { _, context in
            try await actions.deleteFace(try context.parameters.require("pin"))
            return try ControlJSON.response(EmptyPayload())
        }
        v1.post("enroll") { request, _ in try await enroll(request, actions: actions) }
        v1.get("punches") { request, _ in
            let query = try punchQuery(request, allowed: ["pin", "from", "to", "limit", "format"])
            let rows = try actions.punches(query)
            switch request.uri.queryParameters.get("format") ?? "json" {
            case "json": return try ControlJSON.response(rows)
            case "csv": return csv(PunchRow.csv(rows), name: "punches-\(actions.serial)-\(query.from ?? "start")-\(query.to ?? "now").csv")
            case let other: throw ControlAPIError.badRequest("format \"\(other)\" is not json or csv")
            }
        }
        v1.get("reconcile") { request, _ in
            try ControlJSON.response(try actions.reconcile(try punchQuery(request, allowed: ["from", "to"])))
        }
        v1.get("report") { request, _ in try await report(request, actions: actions) }
        v1.post("sync") { _, _ in try ControlJSON.response(try actions.syncNow()) }
        v1.get("events") { _, _ in events(actions) }
        v1.get("metrics") { _, _ in try metrics(actions) }
        v1.get("audit-fingers") { _, _ in try ControlJSON.response(try await actions.audit()) }
        v1.get("doctor") { _, _ in try ControlJSON.response(await actions.doctor()) }
        v1.post("template-key/rotate") { _, _ in try ControlJSON.response(try actions.rotateTemplateKey()) }
        v1.get("journal/proof") { request, _ in try journalProof(request, actions: actions) }
        v1.post("recover") { request, _ in
            try ControlJSON.response(try actions.recover(try await ControlJSON.decode(RecoverBody.self, from: request)))
        }
        v1.post("usb-export") { request, _ in
            try ControlJSON.response(try actions.usbExported(try await ControlJSON.decode(UsbExportBody.self, from: request)))
        }
        // Where Prometheus looks by default.
        router.get("metrics") { _, _ in try metrics(actions) }
        // The path servers are told about for offline verification.
        router.get("journal/proof") { request, _ in try journalProof(request, actions: actions) }
    }

    static func journalProof(_ request: Request, actions: ControlActions) throws -> Response {
        let parameters = request.uri.queryParameters
        for (key, _) in parameters where key != "from" && key != "to" {
            throw ControlAPIError.badRequest("unknown query parameter \"\(key)\"; known: from, to (journal seqs)")
        }
        func seq(_ name: String) throws -> Int64? {
            guard let text = parameters.get(name), !text.isEmpty else { return nil }
            guard let value = Int64(text), value >= 1 else {
                throw ControlAPIError.badRequest("\(name) \"\(text)\" is not a journal seq (1 or more)")
            }
            return value
        }
        return try ControlJSON.response(try actions.journalProof(from: try seq("from"), to: try seq("to")))
    }

    static func metrics(_ actions: ControlActions) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: try actions.metrics())))
    }

    static func csv(_ text: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The query string as a ``PunchQuery``; an unknown parameter is refused rather than ignored,
    /// so a typo (`form=`) cannot silently widen an export.
    static func punchQuery(_ request: Request, allowed: Set<String>) throws -> PunchQuery {
        let parameters = request.uri.queryParameters
        for (key, _) in parameters where !allowed.contains(String(key)) {
            throw ControlAPIError.badRequest("unknown query parameter \"\(key)\"; known: \(allowed.sorted().joined(separator: ", "))")
        }
        var query = PunchQuery(pin: parameters.get("pin"), from: parameters.get("from"), to: parameters.get("to"))
        if let text = parameters.get("limit") {
            guard let limit = Int(text) else { throw ControlAPIError.badRequest("limit \"\(text)\" is not a number") }
            query.limit = limit
        }
        return query
    }
}
