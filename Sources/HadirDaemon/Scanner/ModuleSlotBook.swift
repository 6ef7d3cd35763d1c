import HadirCore
import HadirStore

/// The store's side of one module's library: who owns a slot (an EF01 library index or a face
/// module's user id), and which slots wait to be deleted from the module.
struct ModuleSlotBook: Sendable {
    let modality: BiometricModality
    let database: HadirDatabase

    func owner(of slot: UInt16) throws -> EmployeePIN? {
        switch modality {
        case .fingerprint: try database.owner(ofSlot: slot)
        case .face: try database.owner(ofFace: slot)
        }
    }

    /// The employee's slot on this module, or nil.
    func slot(of pin: EmployeePIN) throws -> UInt16? {
        switch modality {
        case .fingerprint: try database.fingerSlot(pin: pin)?.slot
        case .face: try database.faceID(pin: pin)
        }
    }

    func orphans() throws -> [UInt16] {
        switch modality {
        case .fingerprint: try database.orphanSlots()
        case .face: try database.orphanFaces()
        }
    }

    func clearOrphan(_ slot: UInt16, actor: String) throws {
        switch modality {
        case .fingerprint: try database.clearOrphan(slot: slot, actor: actor)
        case .face: try database.clearOrphanFace(slot, actor: actor)
        }
    }
}
