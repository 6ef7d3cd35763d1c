import HadirScanner

extension FaceModuleEmulator {
    /// Time passed: FACE_STATE notes, a restart, a decision or a timeout of the running job.
    public mutating func tick(now: Int64) -> [UInt8] {
        guard var job else { return [] }
        var output: [UInt8] = []
        if job.restartArmed, now >= job.startedAt + configuration.restartAfterMilliseconds {
            // Power glitch: the job and any half-done enrollment are gone; the module says READY.
            self.job = nil
            pendingEnrollment = nil
            return Self.bytes(.note(.ready))
        }
        while job.nextNoteAt <= now && job.nextNoteAt < job.deadline {
            output += Self.bytes(.note(.faceState(faceState)))
            job.nextNoteAt += configuration.faceStateIntervalMilliseconds
        }
        if let view = faceInView, !job.ignoresFaces, now >= max(view.since, job.startedAt) + configuration.recognitionMilliseconds {
            self.job = nil
            decisionsMade += 1
            return output + decide(job, face: view.face)
        }
        if now >= job.deadline {
            self.job = nil
            decisionsMade += 1
            if case .enroll = job.kind { pendingEnrollment = nil }
            return output + Self.reply(job.command, .timeout)
        }
        self.job = job
        return output
    }

    /// A centred face, or state 1 ("no face") with an empty box.
    private var faceState: EFAAFaceState {
        guard faceInView != nil else { return EFAAFaceState(state: 1, left: 0, top: 0, right: 0, bottom: 0, yaw: 0, pitch: 0, roll: 0) }
        return EFAAFaceState(state: 0, left: 220, top: 140, right: 420, bottom: 380, yaw: 2, pitch: -3, roll: 1)
    }

    private mutating func decide(_ job: FaceJob, face: Int) -> [UInt8] {
        if job.livenessFails {
            if case .enroll = job.kind { pendingEnrollment = nil }
            return Self.reply(job.command, .livenessFailed)
        }
        switch job.kind {
        case .verify:
            guard let user = users.owner(ofFace: face) else { return Self.reply(.verify, .rejected) }
            let info = EFAAUserInfo(userID: user.userID, name: user.name, admin: user.admin)
            return Self.reply(.verify, .success, .verified(info, unlockStatus: 1))
        case .enroll(let step):
            return capture(step, face: face)
        }
    }

    private mutating func capture(_ step: FaceEnrollStep, face: Int) -> [UInt8] {
        if !step.allowDuplicate, let owner = users.owner(ofFace: face) {
            pendingEnrollment = nil
            return Self.bytes(
                .reply(
                    EFAAReply(
                        command: step.command, result: .faceAlreadyEnrolled, payload: .enrolled(userID: owner.userID, directions: .all))))
        }
        var directions = pendingEnrollment?.face == face ? pendingEnrollment!.directions : []
        directions.formUnion(step.request.direction)
        guard step.single || directions.isSuperset(of: .all) else {
            pendingEnrollment = (face, directions)
            return Self.reply(step.command, .success, .enrolled(userID: nil, directions: directions))
        }
        pendingEnrollment = nil
        guard let id = users.freeID(capacity: configuration.capacity) else { return Self.reply(step.command, .storageFull) }
        users.insert(FaceUserStore.User(userID: id, name: step.request.name, admin: step.request.admin, face: face))
        return Self.reply(step.command, .success, .enrolled(userID: id, directions: directions))
    }
}
