import HadirCore

extension FaceScannerDriver {
    /// Enrolls one face with the module's duplicate check, reporting each direction through
    /// `progress`.
    ///
    /// One ENROLL_ITG (duplicates refused, interactive type 0, `label` as the name) per direction
    /// of `EFAADirections.enrollmentOrder`, each waited for its timeout plus `jobReplyGuard`. The
    /// module picks the user id, so `excludingSlots` is ignored. A face the module already holds
    /// returns `.alreadyEnrolled` naming its owner. A liveness failure or a direction that timed
    /// out starts over from the middle (the module may have dropped the partial enrollment), at
    /// most `enrollAttempts` times in all. A full module throws `.faceModule(.storageFull)`.
    public func enroll(
        label: String, excludingSlots: Set<UInt16>, progress: @escaping @Sendable (EnrollStage) -> Void
    ) async throws(ScannerError) -> EnrollCapture {
        try await exclusive { () throws(ScannerError) -> EnrollCapture in
            try requireOpen()
            var attempt = 1
            while true {
                switch try captureDirections(label: label, progress: progress) {
                case .finished(let capture):
                    return capture
                case .retry(let direction, let result):
                    guard attempt < configuration.enrollAttempts else { throw .faceModule(result) }
                    attempt += 1
                    progress(.retryFace(direction, reason: result.description))
                }
            }
        }
    }

    /// How one pass through the directions ended.
    private enum EnrollPass {
        case finished(EnrollCapture)
        /// `direction` failed in a way another look may fix.
        case retry(FaceDirection, EFAAResult)
    }

    /// One pass through every direction, from the middle.
    private func captureDirections(label: String, progress: @Sendable (EnrollStage) -> Void) throws(ScannerError) -> EnrollPass {
        let order = EFAADirections.enrollmentOrder
        for (index, direction) in order.enumerated() {
            // enrollmentOrder holds single directions only, so the mapping cannot fail.
            let face = FaceDirection(direction) ?? .middle
            progress(.faceDirection(face, step: index + 1, of: order.count))
            let request = EFAAIntegratedEnrollRequest(
                admin: false, name: label, direction: direction, type: 0, allowDuplicate: false,
                timeoutSeconds: configuration.enrollDirectionTimeoutSeconds)
            let reply = try execute(.enrollIntegrated(request), timeout: jobReplyTimeout(seconds: request.timeoutSeconds))
            switch reply.result {
            case .success:
                guard case .enrolled(let userID, _) = reply.payload else {
                    throw .protocolViolation("ENROLL_ITG succeeded without enrollment fields")
                }
                if let userID { return .finished(.stored(slot: userID, template: [])) }
            case .faceAlreadyEnrolled:
                return .finished(.alreadyEnrolled(slot: try ownerOfRefusedFace(reply), score: 0))
            case .livenessFailed, .timeout:
                return .retry(face, reply.result)
            default:
                throw .faceModule(reply.result)
            }
        }
        throw .protocolViolation("ENROLL_ITG accepted every direction without storing the face")
    }
}
