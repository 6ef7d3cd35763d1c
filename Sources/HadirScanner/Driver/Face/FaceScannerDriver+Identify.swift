extension FaceScannerDriver {
    /// One VERIFY: the module looks for a known face for `timeout`, rounded up to whole seconds
    /// (1…255, the field is one byte).
    ///
    /// A face that is not enrolled, no face, and a failed liveness check are outcomes, not errors:
    /// the kiosk answers them. The reply is awaited for the module's timeout plus
    /// `jobReplyGuard`, because a module that restarted mid-job never answers.
    public func identify(within timeout: Duration) async throws(ScannerError) -> IdentifyOutcome {
        try await exclusive { () throws(ScannerError) -> IdentifyOutcome in
            try requireOpen()
            let reply = try verify(timeoutSeconds: Self.jobSeconds(timeout))
            switch reply.result {
            case .success:
                return .matched(slot: try Self.verifiedUser(reply).userID, score: 0)
            case .rejected:
                return .notFound
            case .timeout:
                return .noFinger
            case .livenessFailed:
                return .unreadable(reason: EFAAResult.livenessFailed.description)
            default:
                throw .faceModule(reply.result)
            }
        }
    }

    /// Sends VERIFY and waits for its reply, whatever the result.
    func verify(timeoutSeconds: UInt8) throws(ScannerError) -> EFAAReply {
        try execute(.verify(EFAAVerifyRequest(timeoutSeconds: timeoutSeconds)), timeout: jobReplyTimeout(seconds: timeoutSeconds))
    }

    /// How long to wait for the reply to a job the module runs for `seconds`.
    func jobReplyTimeout(seconds: UInt8) -> Duration {
        .seconds(Int(seconds)) + configuration.jobReplyGuard
    }

    /// The user of a successful VERIFY reply.
    static func verifiedUser(_ reply: EFAAReply) throws(ScannerError) -> EFAAUserInfo {
        guard case .verified(let user, _) = reply.payload else {
            throw .protocolViolation("VERIFY succeeded without a user")
        }
        return user
    }

    /// `duration` as a job timeout field: whole seconds rounded up, within 1…255.
    static func jobSeconds(_ duration: Duration) -> UInt8 {
        let (seconds, attoseconds) = duration.components
        let rounded = attoseconds > 0 ? seconds + 1 : seconds
        return UInt8(clamping: max(1, rounded))
    }
}
