extension ScannerDriver {
    /// Waits for a finger and searches the whole library for it.
    ///
    /// GenImg is polled every `pollInterval` until `timeout` (default `identifyTimeout`), then
    /// Img2Tz(1) and Search(1, 0, capacity). Unusable images are an outcome, not an error, because
    /// the kiosk answers them by asking for another press.
    public func identify(timeout: Duration? = nil) async throws(ScannerError) -> IdentifyOutcome {
        try await exclusive { () async throws(ScannerError) -> IdentifyOutcome in
            let capacity = try requireParameters().capacity
            let deadline = clock.now + (timeout ?? configuration.identifyTimeout)
            switch try await pollForFinger(until: deadline) {
            case .present: break
            case .absent: return .noFinger
            case .unreadable(let error): return .unreadable(reason: error.description)
            }
            let features = try execute(.img2Tz(buffer: 1))
            if let error = features.error {
                guard Self.isUnreadable(error) else { throw .module(error) }
                return .unreadable(reason: error.description)
            }
            let search = try execute(.search(buffer: 1, start: 0, count: capacity))
            switch search.error {
            case nil:
                let match = try searchMatch(search)
                return .matched(slot: match.slot, score: match.score)
            case .notFound:
                return .notFound
            case let error?:
                throw .module(error)
            }
        }
    }

    /// Parses the slot and score of a successful search reply.
    func searchMatch(_ ack: EF01Acknowledgement) throws(ScannerError) -> EF01SearchMatch {
        do {
            return try EF01SearchMatch(bytes: ack.data)
        } catch {
            throw .frame(error)
        }
    }
}
