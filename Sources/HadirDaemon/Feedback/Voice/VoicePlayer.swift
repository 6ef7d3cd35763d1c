import Foundation
import Logging

/// Plays one WAV at a time by spawning the configured player, never waiting for it.
///
/// A new prompt stops the one still playing: the person at the sensor now needs the newest outcome,
/// and a queue on a busy morning would speak the previous person's result. A player still running
/// after `timeout` is killed too. Failures are logged, throttled. Stopping is SIGKILL: the player
/// inherits hadird's ignored SIGTERM (the service group traps it), so SIGTERM would not stop it.
actor VoicePlayer {
    private let program: String
    private let command: VoicePlayerCommand
    private let timeout: Duration
    private let logger: Logger
    private var throttle = VoiceFailureThrottle(interval: .seconds(600))
    private let origin = ContinuousClock.now
    private var playing: Process?
    /// Players this actor stopped on purpose: their signal exit is no failure.
    private var stoppedOnPurpose: Set<Int32> = []

    init(program: String, command: VoicePlayerCommand, timeout: Duration, logger: Logger) {
        self.program = program
        self.command = command
        self.timeout = timeout
        self.logger = logger
    }

    /// Starts playing `path`, stopping whatever still plays; returns once the player is spawned.
    func play(_ path: String) {
        stopPlaying()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = command.arguments(playing: path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [weak self] ended in
            let pid = ended.processIdentifier
            let status = ended.terminationStatus
            let bySignal = ended.terminationReason == .uncaughtSignal
            Task { await self?.ended(pid: pid, status: status, bySignal: bySignal, path: path) }
        }
        do {
            try process.run()
        } catch {
            fail("voice player could not start", path: path, detail: "\(error)")
            return
        }
        playing = process
        let pid = process.processIdentifier
        Task { [timeout] in
            try? await Task.sleep(for: timeout)
            await self.expire(pid: pid, path: path)
        }
    }

    /// Stops the prompt still playing, if any (at shutdown, or for a newer prompt).
    func stopPlaying() {
        guard let process = playing else { return }
        playing = nil
        guard process.isRunning else { return }
        stoppedOnPurpose.insert(process.processIdentifier)
        kill(process.processIdentifier, SIGKILL)
    }

    private func expire(pid: Int32, path: String) {
        guard let process = playing, process.processIdentifier == pid, process.isRunning else { return }
        playing = nil
        stoppedOnPurpose.insert(pid)
        kill(pid, SIGKILL)
        fail("voice player killed after \(timeout)", path: path, detail: "still running")
    }

    private func ended(pid: Int32, status: Int32, bySignal: Bool, path: String) {
        if playing?.processIdentifier == pid { playing = nil }
        if stoppedOnPurpose.remove(pid) != nil || (!bySignal && status == 0) { return }
        fail("voice player failed", path: path, detail: bySignal ? "signal \(status)" : "exit status \(status)")
    }

    private func fail(_ message: Logger.Message, path: String, detail: String) {
        let verdict = throttle.admit(at: ContinuousClock.now - origin)
        guard verdict.log else { return }
        var metadata: Logger.Metadata = ["player": "\(program)", "file": "\(path)", "detail": "\(detail)"]
        if verdict.suppressed > 0 { metadata["failures_not_logged"] = "\(verdict.suppressed)" }
        logger.warning(message, metadata: metadata)
    }
}
