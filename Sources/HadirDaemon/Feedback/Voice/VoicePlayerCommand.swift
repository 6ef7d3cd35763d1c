/// The configured player, split into words: `aplay -q` plays `/x.wav` as `aplay -q /x.wav`.
/// No shell is involved, so words are separated by spaces and there is no quoting.
public struct VoicePlayerCommand: Hashable, Sendable {
    /// The program: a path, or a name looked up in `PATH`.
    public let program: String
    public let arguments: [String]

    /// nil for a blank command line.
    public init?(_ commandLine: String) {
        let words = commandLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let program = words.first else { return nil }
        self.program = program
        arguments = Array(words.dropFirst())
    }

    /// The argument vector that plays `path` (without the program).
    public func arguments(playing path: String) -> [String] {
        arguments + [path]
    }

    /// The program's absolute path: itself when it contains a slash, else the first executable
    /// match in `searchPath` (a `PATH` value). nil when there is none.
    public func resolvedProgram(searchPath: String, isExecutable: (String) -> Bool) -> String? {
        if program.contains("/") { return isExecutable(program) ? program : nil }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }
}
