import GRDB
import HadirCore

/// One row of `users`.
struct UserRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "users"

    var pin: String
    var name: String
    var createdMilliseconds: Int64
    var updatedMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case pin
        case name
        case createdMilliseconds = "created_ms"
        case updatedMilliseconds = "updated_ms"
    }

    enum Columns {
        static let pin = Column(CodingKeys.pin)
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
