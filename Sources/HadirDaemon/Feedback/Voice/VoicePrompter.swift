import Foundation
import Logging
import ServiceLifecycle

/// Speaks kiosk outcomes: listens to the feedback hub and hands the matching WAV to the player.
///
/// It runs as its own service and only ever reads the hub's stream, so a slow, failing or hanging
/// player cannot hold up `PunchRecorder.record` or the scan loop.
public final class VoicePrompter: Service {
    /// How long one prompt may play before the player is killed.
    public static let playerTimeout: Duration = .seconds(10)

    private let hub: FeedbackHub
    private let locator: VoicePromptLocator
    private let command: VoicePlayerCommand
    private let logger: Logger

    public init(hub: FeedbackHub, locator: VoicePromptLocator, command: VoicePlayerCommand, logger: Logger) {
        self.hub = hub
        self.locator = locator
        self.command = command
        self.logger = logger
    }

    public func run() async throws {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let program = command.resolvedProgram(searchPath: searchPath, isExecutable: { access($0, X_OK) == 0 }) else {
            logger.warning(
                "voice prompts off: the player is not installed (install alsa-utils for aplay, or set [voice] player)",
                metadata: ["player": "\(command.program)"])
            // Returning would end the whole service group; stay until shutdown.
            try? await gracefulShutdown()
            return
        }
        let player = VoicePlayer(program: program, command: command, timeout: Self.playerTimeout, logger: logger)
        var missing: Set<VoicePrompt> = []
        for await event in hub.subscribe().cancelOnGracefulShutdown() {
            guard let prompt = VoicePrompt(event: event.event) else { continue }
            guard let path = locator.path(for: prompt, fileExists: { FileManager.default.fileExists(atPath: $0) }) else {
                if missing.insert(prompt).inserted {
                    logger.warning(
                        "voice prompt file missing", metadata: ["looked_in": "\(locator.candidates(for: prompt).joined(separator: ", "))"])
                }
                continue
            }
            await player.play(path)
        }
        await player.stopPlaying()
    }
}
