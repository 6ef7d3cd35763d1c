import HadirCore
import HadirScanner
import HadirStore
import Logging
import Synchronization

/// Enrolls one finger or one face for one employee under the one-per-person rule, keeping module
/// and database consistent across a power cut at any step.
///
/// Fingers: the slot is marked as pending (orphan) before the module stores into it, the finger
/// row commits and clears that mark, and a replaced slot is deleted from the module only after the
/// commit. Faces: see ``enrollFace(_:admission:replace:scanner:actor:)``.
public struct EnrollmentCoordinator: Sendable {
    let database: HadirDatabase
    let scanners: ScannerSet
    let hub: FeedbackHub
    let language: KioskLanguage
    let logger: Logger

    public init(database: HadirDatabase, scanners: ScannerSet, hub: FeedbackHub, language: KioskLanguage, logger: Logger) {
        self.database = database
        self.scanners = scanners
        self.hub = hub
        self.language = language
        self.logger = logger
    }

    public func enroll(
        pin: EmployeePIN, replace: Bool, actor: String, modality: BiometricModality = .fingerprint
    ) async throws -> EnrollmentResult {
        guard let employee = try database.user(pin: pin) else { throw DaemonError.unknownEmployee(pin.rawValue) }
        guard let scanner = scanners.service(for: modality) else { throw DaemonError.noScanner(modality) }
        let existing = try scanner.book.slot(of: pin)
        let admission = EnrollmentRule.admit(employee: pin, existingSlot: existing, replace: replace)
        if case .refused(let refusal) = admission {
            return try refuse(employee, refusal, ownerName: nil, modality: modality, actor: actor)
        }
        switch modality {
        case .fingerprint:
            return try await enrollFinger(employee, admission: admission, replace: replace, scanner: scanner, actor: actor)
        case .face:
            return try await enrollFace(employee, admission: admission, replace: replace, scanner: scanner, actor: actor)
        }
    }

    private func enrollFinger(
        _ employee: Employee, admission: EnrollmentAdmission, replace: Bool, scanner: ScannerService, actor: String
    ) async throws -> EnrollmentResult {
        let pin = employee.pin
        let used = try database.usedSlots()
        let database = self.database
        let hub = self.hub
        let language = self.language
        let pendingSlot = Mutex<UInt16?>(nil)
        let capture: EnrollCapture
        do {
            capture = try await scanner.perform { module in
                try await module.enroll(label: pin.rawValue, excludingSlots: used) { stage in
                    if case .storing(let slot) = stage {
                        // Written before the module stores: a power cut after Store leaves a slot we know to clean.
                        try? database.markPendingSlot(slot, reason: "enrollment of \(pin) in progress", actor: actor)
                        pendingSlot.withLock { $0 = slot }
                    }
                    hub.publish(
                        FeedbackEvent(
                            event: .enrollStage, message: KioskFeedback.enrollStage(stage).text(in: language), pin: pin.rawValue,
                            detail: stage.code))
                }
            }
        } catch {
            // Store failed after the slot was marked: empty it on the module now rather than at the next connect.
            if let slot = pendingSlot.withLock({ $0 }) { await scanner.deleteOrphanedSlots([slot], actor: actor) }
            throw error
        }
        switch capture {
        case .alreadyEnrolled(let slot, _):
            let owner = try database.owner(ofSlot: slot)
            if let refusal = EnrollmentRule.checkMatch(employee: pin, matchedSlot: slot, matchedOwner: owner, admission: admission) {
                let ownerName = try owner.flatMap { try database.user(pin: $0)?.name }
                return try refuse(employee, refusal, ownerName: ownerName, modality: .fingerprint, actor: actor)
            }
            // Replacing a finger with the very same finger: the module already holds it.
            try database.recordAudit(
                action: "re-enroll", pin: pin, slot: slot, detail: "same finger presented; slot \(slot) kept", actor: actor)
            return EnrollmentResult(
                status: .unchanged, pin: pin.rawValue, slot: slot, message: "same finger already enrolled in slot \(slot)")
        case .stored(let slot, let template):
            let assignment: FingerAssignment
            do {
                assignment = try database.assignFinger(pin: pin, slot: slot, template: template, replace: replace, actor: actor)
            } catch {
                // The module holds a template the database refused: remove it now (it stays marked otherwise).
                await scanner.deleteOrphanedSlots([slot], actor: actor)
                throw error
            }
            if let oldSlot = assignment.replacedSlot { await scanner.deleteOrphanedSlots([oldSlot], actor: actor) }
            let feedback = KioskFeedback.enrolled(name: employee.name, slot: slot)
            hub.publish(
                FeedbackEvent(event: .enrolled, message: feedback.text(in: language), pin: pin.rawValue, name: employee.name, slot: slot))
            return EnrollmentResult(
                status: assignment.replacedSlot == nil ? .enrolled : .reEnrolled, pin: pin.rawValue, slot: slot,
                replacedSlot: assignment.replacedSlot, message: feedback.text(in: language))
        }
    }

    func refuse(
        _ employee: Employee, _ refusal: EnrollmentRefusal, ownerName: String?, modality: BiometricModality, actor: String
    ) throws -> EnrollmentResult {
        let feedback = KioskFeedback.enrollRefused(refusal, ownerName: ownerName, modality: modality)
        var ownerPin: String?
        var slot: UInt16?
        switch refusal {
        case .employeeAlreadyHasFinger(let s): slot = s
        case .fingerOwnedByAnotherEmployee(let owner, let s):
            ownerPin = owner.rawValue
            slot = s
        case .fingerInUnownedSlot(let s): slot = s
        }
        let detail = modality == .face ? "face: \(refusal.description)" : refusal.description
        try database.recordAudit(action: "enroll-refused", pin: employee.pin, slot: slot, detail: detail, actor: actor)
        hub.publish(
            FeedbackEvent(
                event: .enrollRefused, message: feedback.text(in: language), pin: employee.pin.rawValue, name: employee.name,
                slot: slot, detail: detail))
        return EnrollmentResult(
            status: .refused, pin: employee.pin.rawValue, slot: slot, ownerPin: ownerPin, ownerName: ownerName,
            message: feedback.text(in: language), modality: modality)
    }
}

extension EnrollStage {
    /// A stable machine name for the stage, for scripts.
    public var code: String {
        switch self {
        case .placeFinger(let press, let total): "place_finger_\(press)_of_\(total)"
        case .liftFinger: "lift_finger"
        case .retryPress(let press, _): "retry_press_\(press)"
        case .checkingDuplicate: "checking_duplicate"
        case .storing: "storing"
        case .faceDirection(let direction, let step, let total): "face_\(direction.rawValue)_\(step)_of_\(total)"
        case .retryFace(let direction, _): "retry_face_\(direction.rawValue)"
        }
    }
}
