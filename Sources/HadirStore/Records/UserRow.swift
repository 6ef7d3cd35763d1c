import GRDB
import HadirCore

/// One row of `users`.
struct UserRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "users"

    var pin: String
    var name: String
    var createdMilliseconds: Int64
    var updatedMilliseconds: Int64
    /// The ZK pull protocol's user number (1…32767); nil only when all were taken.
    var zkUID: Int64?
    /// The ZK privilege byte, password and card number: stored for pull clients, unused by the kiosk.
    var privilege: Int64 = 0
    var password = ""
    var card: Int64 = 0

    enum CodingKeys: String, CodingKey {
        case pin
        case name
        case createdMilliseconds = "created_ms"
        case updatedMilliseconds = "updated_ms"
        case zkUID = "zk_uid"
        case privilege
        case password
        case card
    }

    enum Columns {
        static let pin = Column(CodingKeys.pin)
        static let zkUID = Column(CodingKeys.zkUID)
    }

    func employee() throws(StoreError) -> Employee {
        Employee(pin: try decodePIN(pin, table: Self.databaseTableName, key: "pin \(pin)"), name: name)
    }
}

/// Parses a PIN read from disk, turning a bad one into ``StoreError/invalidRow(table:key:reason:)``.
func decodePIN(_ text: String, table: String, key: String) throws(StoreError) -> EmployeePIN {
    do {
        return try EmployeePIN(text)
    } catch {
        throw .invalidRow(table: table, key: key, reason: "pin: \(error)")
    }
}

/// Converts a slot read from disk, turning an out-of-range one into ``StoreError/invalidRow(table:key:reason:)``.
func decodeSlot(_ value: Int64, table: String, key: String) throws(StoreError) -> UInt16 {
    guard let slot = UInt16(exactly: value) else {
        throw .invalidRow(table: table, key: key, reason: "slot \(value) is outside 0…65535")
    }
    return slot
}
