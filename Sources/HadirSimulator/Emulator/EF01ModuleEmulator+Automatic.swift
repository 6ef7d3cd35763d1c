import HadirScanner

extension EF01ModuleEmulator {
    /// AutoEnroll (R503): checks the request, then waits for `autoEnrollCaptures` presses
    /// (with a lift between them when `requireLift`), merges, checks for a duplicate unless
    /// allowed, and stores. Each ack's data is `step, detail` (R503 numbering: 00 legality,
    /// 01 capture n, 02 features n, 03 lift n, 04 merge F0, 05 duplicate check F1, 06 store
    /// F2); with `reportSteps` every step is acked, otherwise only the final ack is sent.
    /// Failures: 0B slot out of range, 22 slot occupied without overwrite, 1F full fault,
    /// 0A presses of different fingers, 27 finger already enrolled, 18 flash, 26 timeout.
    mutating func autoEnroll(
        slot: Int, allowOverwrite: Bool, allowDuplicate: Bool, reportSteps: Bool, requireLift: Bool
    ) -> ModuleResponse {
        let legality = AutoEnrollStep.legality.rawValue
        guard slot < capacity else { return .ack(.slotOutOfRange, [legality, 0]) }
        if library[slot] != nil && !allowOverwrite { return .ack(.templateEmpty, [legality, 0]) }
        if faults.consume(.full) {
            return .ack(.libraryFull, [legality, 0])
        }
        var response = ModuleResponse()
        if reportSteps { response.acknowledgements.append(EF01Acknowledgement(.success, data: [legality, 0])) }
        automatic = .enroll(
            AutoEnrollProgress(
                slot: slot, allowDuplicate: allowDuplicate, reportSteps: reportSteps, requireLift: requireLift))
        response.acknowledgements += progressAutomatic().acknowledgements
        return response
    }

    /// AutoIdentify (R503): waits for a finger, then searches `count` slots from `start`.
    /// Reply data is id and score (as Search); 24 when the library is empty, 09 not found,
    /// 26 timeout.
    mutating func autoIdentify(start: Int, count: Int) -> ModuleResponse {
        guard library.count(below: capacity) > 0 else { return Self.failure(.libraryEmpty, for: .autoIdentify) }
        automatic = .identify(AutoIdentifyProgress(start: start, count: count))
        return progressAutomatic()
    }

    /// Gives up the automatic operation waiting for the finger with 0x26 (timeout).
    ///
    /// The emulator has no clock: the I/O shell calls this when its deadline passes.
    public mutating func expireAutomaticOperation() -> [UInt8] {
        guard let operation = automatic else { return [] }
        automatic = nil
        let response: ModuleResponse
        switch operation {
        case .enroll(let progress):
            let step = progress.awaitingLift ? AutoEnrollStep.lift : .capture
            response = .ack(.timeout, [step.rawValue, UInt8(clamping: progress.captures.count + 1)])
        case .identify:
            response = Self.failure(.timeout, for: .autoIdentify)
        }
        record("automatic operation", response.summary)
        return emit(response)
    }

    /// Lets a waiting automatic operation look at the sensor again; returns what it sends.
    mutating func advanceAutomatic() -> [UInt8] {
        guard automatic != nil else { return [] }
        let response = progressAutomatic()
        guard !response.isEmpty else { return [] }
        record("automatic operation", response.summary)
        return emit(response)
    }

    /// Runs the automatic operation as far as the sensor allows; returns the acks due.
    private mutating func progressAutomatic() -> ModuleResponse {
        switch automatic {
        case .enroll(var progress):
            let response = progressEnroll(&progress)
            if automatic != nil { automatic = .enroll(progress) }
            return response
        case .identify(let progress):
            guard let finger = captureForAutomatic() else { return .silence }
            automatic = nil
            image = .captured(finger)
            let probe = finger.template(size: configuration.templateSize)
            let end = min(progress.start + progress.count, capacity)
            for slot in library.occupiedSlots(below: end) where slot >= progress.start {
                if let stored = library[slot], let score = TemplateMatcher.score(probe, stored) {
                    return .ack(.success, EF01SearchMatch(slot: UInt16(slot), score: score).bytes)
                }
            }
            return Self.failure(.notFound, for: .autoIdentify)
        case nil:
            return .silence
        }
    }

    private mutating func progressEnroll(_ progress: inout AutoEnrollProgress) -> ModuleResponse {
        var response = ModuleResponse()
        func report(_ step: AutoEnrollStep, _ detail: UInt8) {
            if progress.reportSteps {
                response.acknowledgements.append(EF01Acknowledgement(.success, data: [step.rawValue, detail]))
            }
        }
        let wanted = max(1, configuration.autoEnrollCaptures)
        while progress.captures.count < wanted {
            let number = UInt8(clamping: progress.captures.count + 1)
            if progress.awaitingLift {
                guard sensor.observeLift() else { return response }
                progress.awaitingLift = false
                report(.lift, number - 1)
                continue
            }
            guard let finger = captureForAutomatic() else { return response }
            progress.captures.append(finger)
            report(.capture, number)
            report(.features, number)
            progress.awaitingLift = progress.requireLift && progress.captures.count < wanted
        }
        automatic = nil
        guard let finger = progress.captures.first, progress.captures.allSatisfy({ $0 == finger }) else {
            response.acknowledgements.append(
                EF01Acknowledgement(
                    .enrollMismatch, data: [AutoEnrollStep.merge.rawValue, AutoEnrollStep.merge.fixedDetail]))
            return response
        }
        report(.merge, AutoEnrollStep.merge.fixedDetail)
        let template = finger.template(size: configuration.templateSize)
        if !progress.allowDuplicate {
            let owners = library.occupiedSlots(below: capacity).filter { slot in
                slot != progress.slot && library[slot].flatMap { TemplateMatcher.score(template, $0) } != nil
            }
            if !owners.isEmpty {
                let step = AutoEnrollStep.duplicateCheck
                response.acknowledgements.append(
                    EF01Acknowledgement(.alreadyExists, data: [step.rawValue, step.fixedDetail]))
                return response
            }
        }
        report(.duplicateCheck, AutoEnrollStep.duplicateCheck.fixedDetail)
        let store = AutoEnrollStep.store
        if faults.consume(.flash) {
            response.acknowledgements.append(
                EF01Acknowledgement(.flashWriteError, data: [store.rawValue, store.fixedDetail]))
            return response
        }
        library.store(template, at: progress.slot)
        buffers[0] = template
        response.acknowledgements.append(EF01Acknowledgement(.success, data: [store.rawValue, store.fixedDetail]))
        return response
    }

    /// One capture for an automatic operation: a lifted press phase counts as seen (the
    /// module polls continuously), so the following present phase is taken at once.
    private mutating func captureForAutomatic() -> VirtualFinger? {
        let before = sensor.state
        if let finger = sensor.capture() { return finger }
        return sensor.state != before ? sensor.capture() : nil
    }
}
