/// The EF01 fingerprint module behind ``SimulatorServer``: ``EF01ModuleEmulator``, its
/// `library.json`, and the give-up time of a pending AutoEnroll/AutoIdentify.
struct EF01ModuleAdapter: SimulatedModule {
    let kind = SimulatedModuleKind.fingerprint
    let pendingInputName = "presses"
    private(set) var emulator: EF01ModuleEmulator
    private let libraryFile: LibraryFile?
    private var savedRevision: UInt64
    private let automaticTimeout: Int64
    /// When a pending automatic operation answers 0x26; re-armed whenever the module answers
    /// another command, since each step restarts the wait for the finger.
    private var automaticDeadline: (commands: Int, at: Int64)?

    /// Loads the library from the state directory (if any) and powers the module up.
    init(options: SimulatorServerOptions) throws {
        if let problem = options.module.validationError() { throw SimulatorIOError.invalid(problem) }
        let libraryFile = try options.stateDirectory.map { (directory: String) throws(LibraryFileError) in
            try LibraryFile(directory: directory)
        }
        let library = try libraryFile?.load() ?? TemplateLibrary()
        self.libraryFile = libraryFile
        savedRevision = library.revision
        emulator = EF01ModuleEmulator(configuration: options.module, library: library)
        automaticTimeout = Self.milliseconds(options.automaticOperationTimeout)
    }

    /// The automatic-operation timeout in milliseconds, kept within 1 ms...1 day whatever the
    /// options say (a NaN or huge value must not trap the conversion).
    private static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 10_000 }
        return Int64(min(max(seconds, 0.001), 86_400) * 1000)
    }

    var commandsServed: Int { emulator.commandsServed }
    var hasPendingInput: Bool { emulator.sensor.hasPendingPresses }
    var nextDeadline: Int64? { automaticDeadline?.at }
    var statusMembers: [(String, JSONValue)] { emulator.moduleStatusMembers }
    var libraryJSON: JSONValue { emulator.libraryJSON }

    func powerOnBytes() -> [UInt8] {
        emulator.powerOnBytes()
    }

    mutating func powerCycle(now: Int64) -> [UInt8] {
        tracked(emulator.powerCycle(), now: now)
    }

    mutating func receive(_ bytes: [UInt8], now: Int64) -> [UInt8] {
        tracked(emulator.receive(bytes), now: now)
    }

    mutating func tick(now: Int64) -> [UInt8] {
        guard let deadline = automaticDeadline, now >= deadline.at else { return [] }
        automaticDeadline = nil
        return tracked(emulator.expireAutomaticOperation(), now: now)
    }

    mutating func perform(_ command: ControlCommand, now: Int64) -> Result<[UInt8], ControlParseError> {
        switch command {
        case .place(let finger):
            return .success(tracked(emulator.place(finger), now: now))
        case .lift:
            return .success(tracked(emulator.lift(), now: now))
        case .press(let finger, let times):
            return .success(tracked(emulator.press(finger, times: times), now: now))
        case .fault(let kind, let count):
            emulator.arm(kind, count: count)
            return .success([])
        default:
            return .failure(ControlCommand.wrongKind(command.verb, for: kind))
        }
    }

    mutating func clearLibrary() {
        emulator.clearLibrary()
    }

    mutating func saveLibraryIfChanged() throws(LibraryFileError) {
        guard let libraryFile, emulator.library.revision != savedRevision else { return }
        try libraryFile.save(emulator.library)
        savedRevision = emulator.library.revision
    }

    mutating func takeLogLines() -> [String] {
        emulator.takeExchanges().map(\.description)
    }

    /// Passes `bytes` through after (re)arming or clearing the automatic-operation deadline.
    private mutating func tracked(_ bytes: [UInt8], now: Int64) -> [UInt8] {
        if emulator.isAwaitingFinger {
            if automaticDeadline?.commands != emulator.commandsServed {
                automaticDeadline = (emulator.commandsServed, now + automaticTimeout)
            }
        } else {
            automaticDeadline = nil
        }
        return bytes
    }
}
