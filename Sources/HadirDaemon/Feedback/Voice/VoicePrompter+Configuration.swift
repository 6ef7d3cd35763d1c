import Logging

extension VoicePrompter {
    /// The prompter `[voice]` asks for, in `[device] language`; nil when voice is off.
    public convenience init?(configuration: HadirConfiguration, hub: FeedbackHub, logger: Logger) {
        let voice = configuration.voice
        guard voice.enabled, let command = VoicePlayerCommand(voice.player) else { return nil }
        let locator = VoicePromptLocator(
            directory: voice.directory, overrideDirectory: voice.overrideDirectory, language: configuration.device.language)
        self.init(hub: hub, locator: locator, command: command, logger: logger)
    }
}
