/// The EFAA face module behind ``SimulatorServer``: ``FaceModuleEmulator``, its `faces.json`,
/// and the ``CameraView`` that `show`, `look` and `hide` script.
struct FaceModuleAdapter: SimulatedModule {
    let kind = SimulatedModuleKind.face
    let pendingInputName = "looks"
    private(set) var emulator: FaceModuleEmulator
    private(set) var camera = CameraView()
    private let libraryFile: FaceLibraryFile?
    private var savedRevision: UInt64
    /// Decisions already charged to the camera's looks.
    private var decisionsSeen = 0
    private let logsTraffic: Bool
    private var traffic = FaceTrafficLog()
    private var logLines: [String] = []

    /// Loads the users from the state directory (if any) and powers the module up.
    init(options: SimulatorServerOptions) throws {
        if let problem = options.faceModule.validationError() { throw SimulatorIOError.invalid(problem) }
        let libraryFile = try options.stateDirectory.map { (directory: String) throws(LibraryFileError) in
            try FaceLibraryFile(directory: directory)
        }
        let users = try libraryFile?.load() ?? FaceUserStore()
        self.libraryFile = libraryFile
        savedRevision = users.revision
        emulator = FaceModuleEmulator(configuration: options.faceModule, users: users)
        logsTraffic = options.logsCommands
    }

    var commandsServed: Int { emulator.commandsServed }
    var hasPendingInput: Bool { camera.hasPendingLooks }
    var nextDeadline: Int64? { emulator.nextDeadline }
    var statusMembers: [(String, JSONValue)] { emulator.statusMembers(camera: camera) }
    var libraryJSON: JSONValue { emulator.libraryJSON }

    func powerOnBytes() -> [UInt8] {
        emulator.powerOn()
    }

    mutating func powerCycle(now: Int64) -> [UInt8] {
        settled(emulator.powerCycle(), now: now)
    }

    mutating func receive(_ bytes: [UInt8], now: Int64) -> [UInt8] {
        if logsTraffic { logLines += traffic.host(bytes) }
        return settled(emulator.receive(bytes, now: now), now: now)
    }

    mutating func tick(now: Int64) -> [UInt8] {
        settled(emulator.tick(now: now), now: now)
    }

    mutating func perform(_ command: ControlCommand, now: Int64) -> Result<[UInt8], ControlParseError> {
        switch command {
        case .show(let face):
            camera.show(face)
        case .hide:
            camera.hide()
        case .look(let face, let times):
            camera.look(face, times: times)
        case .faceFault(let fault, let count):
            emulator.arm(fault, count: count)
        default:
            return .failure(ControlCommand.wrongKind(command.verb, for: kind))
        }
        return .success(settled([], now: now))
    }

    mutating func clearLibrary() {
        emulator.clearLibrary()
    }

    mutating func saveLibraryIfChanged() throws(LibraryFileError) {
        guard let libraryFile, emulator.users.revision != savedRevision else { return }
        try libraryFile.save(emulator.users)
        savedRevision = emulator.users.revision
    }

    mutating func takeLogLines() -> [String] {
        defer { logLines.removeAll() }
        return logLines
    }

    /// Charges new decisions to the camera's looks, puts the camera's face (or nobody) in front
    /// of the module, and passes `output` through.
    private mutating func settled(_ output: [UInt8], now: Int64) -> [UInt8] {
        while decisionsSeen < emulator.decisionsMade {
            decisionsSeen += 1
            camera.decisionMade()
        }
        if let face = camera.face {
            emulator.show(face: face, now: now)
        } else {
            emulator.hide(now: now)
        }
        if logsTraffic { logLines += traffic.module(output) }
        return output
    }
}
