import HadirCore
import HadirScanner
import HadirStore

extension EnrollmentCoordinator {
    /// Enrolls a face. The module picks the new face's id itself, so it cannot be marked pending
    /// beforehand like a finger slot: the store flags the enrollment as under way instead, and a
    /// flag that survives a power cut makes the next connect delete ids nobody owns. The module's
    /// own duplicate check (ENROLL_ITG without duplicates) names the face's owner if it has one.
    func enrollFace(
        _ employee: Employee, admission: EnrollmentAdmission, replace: Bool, scanner: ScannerService, actor: String
    ) async throws -> EnrollmentResult {
        let pin = employee.pin
        let hub = self.hub
        let language = self.language
        try database.beginFaceEnrollment(pin: pin)
        let capture: EnrollCapture
        do {
            capture = try await scanner.perform { module in
                try await module.enroll(label: pin.rawValue, excludingSlots: []) { stage in
                    hub.publish(
                        FeedbackEvent(
                            event: .enrollStage, message: KioskFeedback.enrollStage(stage).text(in: language), pin: pin.rawValue,
                            detail: stage.code))
                }
            }
        } catch {
            await sweepAfterFailedFaceEnrollment(scanner: scanner)
            throw error
        }
        switch capture {
        case .alreadyEnrolled(let faceID, _):
            try database.endFaceEnrollment()
            let owner = try database.owner(ofFace: faceID)
            if let refusal = EnrollmentRule.checkMatch(employee: pin, matchedSlot: faceID, matchedOwner: owner, admission: admission) {
                let ownerName = try owner.flatMap { try database.user(pin: $0)?.name }
                return try refuse(employee, refusal, ownerName: ownerName, modality: .face, actor: actor)
            }
            try database.recordAudit(
                action: "re-enroll-face", pin: pin, slot: faceID, detail: "same face presented; face id \(faceID) kept", actor: actor)
            return EnrollmentResult(
                status: .unchanged, pin: pin.rawValue, slot: faceID, message: "same face already enrolled as id \(faceID)",
                modality: .face)
        case .stored(let faceID, _):
            let assignment: FaceAssignment
            do {
                assignment = try database.assignFace(pin: pin, faceID: faceID, replace: replace, actor: actor)
            } catch {
                // The module holds a face the database refused: it must not identify anyone.
                await sweepAfterFailedFaceEnrollment(scanner: scanner)
                throw error
            }
            if let old = assignment.replacedFaceID { await scanner.deleteOrphanedSlots([old], actor: actor) }
            let feedback = KioskFeedback.enrolled(name: employee.name, slot: faceID)
            hub.publish(
                FeedbackEvent(
                    event: .enrolled, message: feedback.text(in: language), pin: pin.rawValue, name: employee.name,
                    verify: VerifyMethod.face.rawValue, slot: faceID))
            return EnrollmentResult(
                status: assignment.replacedFaceID == nil ? .enrolled : .reEnrolled, pin: pin.rawValue, slot: faceID,
                replacedSlot: assignment.replacedFaceID, message: feedback.text(in: language), modality: .face)
        }
    }

    /// After a failed face enrollment the module may or may not have stored the face: ids nobody
    /// owns are marked and deleted now. When the module is unreachable the flag stays set, and the
    /// next connect does the same.
    private func sweepAfterFailedFaceEnrollment(scanner: ScannerService) async {
        let database = self.database
        let logger = self.logger
        _ = try? await scanner.perform { module in
            let ids = try await module.list()
            try database.orphanUnownedFaces(ids, reason: "left by a failed face enrollment")
            for id in try database.orphanFaces() {
                try await module.delete(slot: id)
                try database.clearOrphanFace(id, actor: "hadird")
                logger.notice("deleted unowned face from the module", metadata: ["face_id": "\(id)"])
            }
        }
    }
}
