import HadirScanner

extension EF01ModuleEmulator {
    /// Match: compares CharBuffer 1 and 2; the score bytes are sent even on 08.
    mutating func match() -> ModuleResponse {
        guard let first = buffers[0], let second = buffers[1], let score = TemplateMatcher.score(first, second) else {
            lastMatchPassed = false
            return Self.failure(.noMatch, for: .match)
        }
        lastMatchPassed = true
        return .ack(.success, EF01MatchScore(score: score).bytes)
    }

    /// Search / HiSpeedSearch: the lowest slot in `start ..< start + count` (clamped to the
    /// capacity) whose template matches `buffer`; 09 with id 0 and score 0 otherwise.
    mutating func search(buffer number: UInt8, start: Int, count: Int, instruction: EF01Instruction) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        lastMatchPassed = false
        guard let probe = buffers[index] else { return Self.failure(.notFound, for: instruction) }
        let end = min(start + count, capacity)
        for slot in library.occupiedSlots(below: end) where slot >= start {
            if let stored = library[slot], let score = TemplateMatcher.score(probe, stored) {
                lastMatchPassed = true
                return .ack(.success, EF01SearchMatch(slot: UInt16(slot), score: score).bytes)
            }
        }
        return Self.failure(.notFound, for: instruction)
    }

    /// RegModel: merges buffers 1 and 2 when they hold the same finger (the merged template
    /// lands in both buffers); 0A otherwise.
    mutating func regModel() -> ModuleResponse {
        guard let first = buffers[0], let second = buffers[1], TemplateMatcher.score(first, second) != nil else {
            return .ack(.enrollMismatch)
        }
        buffers[1] = first
        return .ack(.success)
    }

    /// LoadChar: copies a library slot into a buffer; 0B out of range, 0C empty slot.
    mutating func loadChar(buffer number: UInt8, slot: Int) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        guard slot < capacity else { return .ack(.slotOutOfRange) }
        guard let template = library[slot] else { return .ack(.invalidTemplate) }
        buffers[index] = template
        return .ack(.success)
    }

    /// UpChar: ack, then the buffer as data packets at the current packet size; 0D when
    /// the buffer holds nothing.
    func upChar(buffer number: UInt8) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        guard let template = buffers[index] else { return .ack(.templateUploadFailed) }
        var response = ModuleResponse.ack(.success)
        response.data = template
        return response
    }

    /// DownChar: ack, then the host's data packets replace the buffer.
    mutating func downChar(buffer number: UInt8, request: String) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        incoming = IncomingTransfer(
            target: .buffer(index), assembler: EF01DataAssembler(maxBytes: max(8192, configuration.templateSize * 2)),
            request: request)
        return .ack(.success)
    }
}
