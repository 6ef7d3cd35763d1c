extension ConfigSchema {
    /// Keys of `[voice]`.
    static let voiceKeys: [String: Apply] = [
        "enabled": { config, _, value throws(ConfigValueError) in config.voice.enabled = try value.bool() },
        "player": { config, _, value throws(ConfigValueError) in
            let player = try value.string()
            guard VoicePlayerCommand(player) != nil else {
                throw .invalid("player must be a command line such as \"aplay -q\" (the WAV path is appended)")
            }
            config.voice.player = player
        },
        "directory": { config, _, value throws(ConfigValueError) in config.voice.directory = try directory(value) },
        "override_directory": { config, _, value throws(ConfigValueError) in
            config.voice.overrideDirectory = try directory(value)
        },
    ]

    private static func directory(_ value: ConfigValue) throws(ConfigValueError) -> String {
        let path = try value.string()
        guard path.hasPrefix("/") else { throw .invalid("must be an absolute directory path") }
        return path
    }
}
