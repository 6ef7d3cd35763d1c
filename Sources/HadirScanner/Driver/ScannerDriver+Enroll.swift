import HadirCore

extension ScannerDriver {
    /// Enrolls one finger with a duplicate check, reporting each stage through `progress`.
    ///
    /// Press 1 → Img2Tz(1) → Search the whole library (a hit returns `.alreadyEnrolled` and stores
    /// nothing) → lift → press 2 → Img2Tz(2) → RegModel (a mismatch restarts from press 1, up to
    /// `enrollAttempts` times) → lowest free slot not in `excludingSlots` → Store(1, slot) →
    /// UpChar(1). Each press (including its retries and the lift after it) may take at most
    /// `enrollPressTimeout`, else `.timeout`. A full library throws `.module(.libraryFull)`.
    public func enroll(
        excludingSlots: Set<UInt16> = [],
        progress: @escaping @Sendable (EnrollStage) -> Void
    ) async throws(ScannerError) -> EnrollCapture {
        try await exclusive { () async throws(ScannerError) -> EnrollCapture in
            let capacity = try requireParameters().capacity
            var attempt = 1
            while true {
                try await capturePress(1, into: 1, progress: progress)

                progress(.checkingDuplicate)
                let search = try execute(.search(buffer: 1, start: 0, count: capacity))
                switch search.error {
                case nil:
                    let match = try searchMatch(search)
                    return .alreadyEnrolled(slot: match.slot, score: match.score)
                case .notFound:
                    break
                case let error?:
                    throw .module(error)
                }

                progress(.liftFinger)
                try await requireLift(operation: "waiting for the finger to lift after press 1")
                try await capturePress(2, into: 2, progress: progress)

                let merge = try execute(.regModel)
                switch merge.error {
                case nil:
                    break
                case .enrollMismatch:
                    guard attempt < configuration.enrollAttempts else { throw .module(.enrollMismatch) }
                    attempt += 1
                    progress(.retryPress(press: 1, reason: EF01ModuleError.enrollMismatch.description))
                    try await requireLift(operation: "waiting for the finger to lift before restarting")
                    continue
                case let error?:
                    throw .module(error)
                }

                let slot = try findFreeSlot(capacity: capacity, excluding: excludingSlots)
                progress(.storing(slot: slot))
                try execute(.store(buffer: 1, slot: slot)).requireSuccess()
                let template = try uploadTemplate(buffer: 1)
                return .stored(slot: slot, template: template)
            }
        }
    }

    /// Gets one usable press into `buffer`, asking again (after a lift) while the image is unusable.
    private func capturePress(
        _ press: Int, into buffer: UInt8, progress: @Sendable (EnrollStage) -> Void
    ) async throws(ScannerError) {
        let deadline = clock.now + configuration.enrollPressTimeout
        progress(.placeFinger(press: press, of: 2))
        while true {
            let unusable: EF01ModuleError
            switch try await pollForFinger(until: deadline) {
            case .absent:
                throw .timeout(operation: "waiting for press \(press) of 2")
            case .unreadable(let error):
                unusable = error
            case .present:
                let features = try execute(.img2Tz(buffer: buffer))
                guard let error = features.error else { return }
                guard Self.isUnreadable(error) else { throw .module(error) }
                unusable = error
            }
            progress(.retryPress(press: press, reason: unusable.description))
            guard try await pollForLift(until: deadline) else {
                throw .timeout(operation: "waiting for the finger to lift before press \(press) again")
            }
            progress(.placeFinger(press: press, of: 2))
        }
    }

    private func requireLift(operation: String) async throws(ScannerError) {
        guard try await pollForLift(until: clock.now + configuration.enrollPressTimeout) else {
            throw .timeout(operation: operation)
        }
    }

    /// UpChar(`buffer`): the template as the module exports it, collected until the 0x08 packet.
    func uploadTemplate(buffer: UInt8) throws(ScannerError) -> [UInt8] {
        try execute(.upChar(buffer: buffer)).requireSuccess()
        return try receiveData(operation: EF01Instruction.upChar.name)
    }
}
