/// What GenImg polling found.
enum FingerPresence {
    case present
    case absent
    case unreadable(EF01ModuleError)
}

extension ScannerDriver {
    /// Image errors that mean "press again", not "the module is broken".
    static func isUnreadable(_ error: EF01ModuleError) -> Bool {
        switch error {
        case .imageCaptureFailed, .imageTooMessy, .tooFewFeatures, .noValidImage: true
        default: false
        }
    }

    /// Polls GenImg until a finger is imaged or `deadline` passes (at least one poll is made).
    func pollForFinger(until deadline: ContinuousClock.Instant) async throws(ScannerError) -> FingerPresence {
        while true {
            let ack = try execute(.genImg)
            switch ack.error {
            case nil:
                return .present
            case .noFinger:
                guard clock.now < deadline else { return .absent }
                try await pause(until: deadline)
            case .imageCaptureFailed:
                return .unreadable(.imageCaptureFailed)
            case let error?:
                throw .module(error)
            }
        }
    }

    /// Polls GenImg until it reports no finger (true) or `deadline` passes (false).
    func pollForLift(until deadline: ContinuousClock.Instant) async throws(ScannerError) -> Bool {
        while true {
            let ack = try execute(.genImg)
            switch ack.error {
            case .noFinger:
                return true
            case nil, .imageCaptureFailed:
                // Still touching the sensor (a smudged capture counts as touching).
                guard clock.now < deadline else { return false }
                try await pause(until: deadline)
            case let error?:
                throw .module(error)
            }
        }
    }

    /// Sleeps one poll interval (never past `deadline`); cancellation ends the wait.
    func pause(until deadline: ContinuousClock.Instant) async throws(ScannerError) {
        let remaining = deadline - clock.now
        let interval = min(configuration.pollInterval, max(remaining, .zero))
        do {
            try await Task.sleep(for: interval)
        } catch {
            throw .cancelled
        }
        if !isOpen { throw .notConnected }
    }

    /// Waits for the finger to leave the sensor; false when it is still there after `timeout`.
    public func waitForLift(timeout: Duration) async throws(ScannerError) -> Bool {
        try await exclusive { () async throws(ScannerError) -> Bool in
            _ = try requireParameters()
            return try await pollForLift(until: clock.now + timeout)
        }
    }
}
