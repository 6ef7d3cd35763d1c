import Foundation
import GRDB
import HadirCore

/// One row of `finger_slots`: an employee's one enrolled finger.
struct FingerSlotRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "finger_slots"

    var pin: String
    var slot: Int64
    var template: Data?
    var enrolledMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case pin
        case slot
        case template
        case enrolledMilliseconds = "enrolled_ms"
    }

    enum Columns {
        static let pin = Column(CodingKeys.pin)
        static let slot = Column(CodingKeys.slot)
        static let template = Column(CodingKeys.template)
        static let enrolledMilliseconds = Column(CodingKeys.enrolledMilliseconds)
    }

    func fingerSlot() throws(StoreError) -> FingerSlot {
        let key = "pin \(pin)"
        return FingerSlot(
            pin: try decodePIN(pin, table: Self.databaseTableName, key: key),
            slot: try decodeSlot(slot, table: Self.databaseTableName, key: key))
    }
}
