extension FaceScannerDriver {
    /// Sends `command` and returns the module's REPLY to it, whatever its result.
    ///
    /// `timeout` bounds the wait for the reply: `responseTimeout` unless given (jobs pass their
    /// own timeout plus `jobReplyGuard`). Input already waiting is drained first, so a late reply
    /// to an earlier command cannot be taken for this one.
    func execute(_ command: EFAACommand, timeout: Duration? = nil) throws(ScannerError) -> EFAAReply {
        try requireOpen()
        try drainStaleInput()
        try transportWrite(command.frame.encoded)
        diagnosticsStorage.commandsSent += 1
        if command.id == .reset { resetMayAnnounceReady = true }
        return try awaitReply(to: command.id, timeout: timeout ?? configuration.responseTimeout)
    }

    /// Throws away input already waiting before a command. READY notes in it are counted as
    /// restarts (nothing was in flight, so nothing failed); FACE_STATE notes are kept.
    func drainStaleInput() throws(ScannerError) {
        // Bounded: a module that never stops talking cannot hold the driver here.
        for _ in 0..<64 {
            let stale = try transportRead(maxCount: 4096, timeout: .zero)
            if stale.isEmpty { break }
            decoder.feed(stale)
        }
        var corruption: EFAAFrameError?
        _ = try consumeBufferedFrames(awaiting: nil, corruption: &corruption)
        // What is left is the start of a frame sent before this command: stale too.
        decoder.reset()
    }

    /// Reads until the REPLY to `command` arrives or `timeout` passes.
    ///
    /// A corrupt frame may have been any message, so it fails the command only when no valid reply
    /// follows before the deadline. Without a valid reply the module is told to stop (RESET).
    private func awaitReply(to command: EFAACommandID, timeout: Duration) throws(ScannerError) -> EFAAReply {
        let deadline = clock.now + timeout
        var corruption: EFAAFrameError?
        var lastRead = false
        while true {
            if let reply = try consumeBufferedFrames(awaiting: command, corruption: &corruption) { return reply }
            guard !lastRead else {
                stopJob(unansweredCommand: command)
                if let corruption { throw .faceFrame(corruption) }
                diagnosticsStorage.timeouts += 1
                throw .timeout(operation: command.operationName)
            }
            if Task.isCancelled {
                stopJob(unansweredCommand: command)
                throw .cancelled
            }
            // One read once the deadline has passed: a reply that arrived while this thread was
            // not running still counts.
            let remaining = deadline - clock.now
            lastRead = remaining <= .zero
            decoder.feed(try transportRead(maxCount: 1024, timeout: min(max(remaining, .zero), configuration.responseTimeout)))
        }
    }

    /// Decodes every whole frame buffered and returns the reply to `command` if it is among them.
    /// Notes update the driver's state; stale replies and corrupt frames are counted and skipped.
    private func consumeBufferedFrames(
        awaiting command: EFAACommandID?, corruption: inout EFAAFrameError?
    ) throws(ScannerError) -> EFAAReply? {
        while true {
            let frame: EFAAFrame
            let message: EFAAMessage
            do throws(EFAAFrameError) {
                guard let next = try decoder.next() else { return nil }
                frame = next
            } catch {
                diagnosticsStorage.frameErrors += 1
                corruption = error
                continue
            }
            do throws(EFAAFrameError) {
                message = try EFAAMessage(frame: frame)
            } catch {
                diagnosticsStorage.frameErrors += 1
                // Parity vouches this is the module's answer to the command, broken in layout:
                // nothing better will come, so waiting on would only delay the error.
                if let command, frame.messageID == EFAAMessage.replyID, frame.data.first == command.rawValue {
                    throw .faceFrame(error)
                }
                corruption = error
                continue
            }
            switch message {
            case .reply(let reply):
                if let command, reply.command == command.rawValue {
                    if command != .reset { resetMayAnnounceReady = false }
                    return reply
                }
                diagnosticsStorage.staleReplies += 1
            case .note(.ready):
                try noteReady(inFlight: command)
            case .note(.faceState(let state)):
                diagnosticsStorage.lastFaceState = state
            case .note, .image:
                // Eye state, "unknown error" notes and images decide nothing the daemon does.
                break
            }
        }
    }

    /// A READY note. After our RESET it is the module's announcement; otherwise the module
    /// restarted, forgetting any job, so what is buffered after it is dropped.
    private func noteReady(inFlight command: EFAACommandID?) throws(ScannerError) {
        if resetMayAnnounceReady {
            resetMayAnnounceReady = false
            return
        }
        diagnosticsStorage.restarts += 1
        decoder.reset()
        if command != nil { throw .moduleRestarted }
    }

    /// Sends RESET (best effort) after `command` got no valid reply, so a job the module may still
    /// be running cannot answer into the next command. Errors are ignored: the caller is already
    /// failing with the reason that matters.
    private func stopJob(unansweredCommand command: EFAACommandID) {
        guard command != .reset, isOpen else { return }
        _ = try? execute(.reset)
    }

}

extension EFAAReply {
    /// Throws `.faceModule` unless the reply reports success.
    func requireSuccess() throws(ScannerError) {
        guard result == .success else { throw .faceModule(result) }
    }
}
