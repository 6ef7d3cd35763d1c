import HadirCore

/// Finds a prompt's WAV: a recorded replacement in the override directory wins over the shipped
/// one. Both directories hold one subdirectory per language (`id/`, `en/`). Pure: the file check
/// is passed in.
public struct VoicePromptLocator: Sendable {
    public var directory: String
    public var overrideDirectory: String?
    public var language: KioskLanguage

    public init(directory: String, overrideDirectory: String?, language: KioskLanguage) {
        self.directory = directory
        self.overrideDirectory = overrideDirectory
        self.language = language
    }

    /// Where the prompt would be, in order of preference.
    public func candidates(for prompt: VoicePrompt) -> [String] {
        [overrideDirectory, directory].compactMap { root in
            root.map { Self.join($0, language.rawValue, prompt.fileName) }
        }
    }

    /// The first candidate that exists, or nil when neither directory has the prompt.
    public func path(for prompt: VoicePrompt, fileExists: (String) -> Bool) -> String? {
        candidates(for: prompt).first(where: fileExists)
    }

    private static func join(_ root: String, _ parts: String...) -> String {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        return ([base] + parts).joined(separator: "/")
    }
}
