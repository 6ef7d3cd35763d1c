import Foundation
import HadirControl
import HadirCore
import HadirDaemon

/// Adds the employees of `HADIR/<SERIAL>/<SERIAL>_users.csv` on the stick, when the office left
/// one there: new PINs and changed names go to the daemon (`POST /v1/users`, audited there).
enum UsbUserImport {
    /// A list larger than this is not an employee list.
    static let maximumBytes = 1 << 20

    /// What happened, for hadirctl's output; nil when the stick carries no list.
    static func run(root: String, layout: UsbExportLayout, client: DaemonControlClient) -> String? {
        let relative = layout.usersPath.joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        guard data.count <= maximumBytes else { return "users NOT imported: \(relative) is over \(maximumBytes) bytes" }
        do {
            let listed = try UsbUserList.parse(Array(data))
            let existing = try client.users().compactMap { row in (try? EmployeePIN(row.pin)).map { Employee(pin: $0, name: row.name) } }
            let changes = UsbUserList.changes(listed, existing: existing)
            for employee in changes { try client.addUser(pin: employee.pin.rawValue, name: employee.name) }
            return "users: \(changes.count) added or renamed from \(relative) (\(listed.count) listed)"
        } catch {
            return "users NOT imported from \(relative): \(error)"
        }
    }
}
