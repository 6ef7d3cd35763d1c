/// A simulated module as ``SimulatorServer`` hosts it: bytes in and out of the pty, its own
/// timers, the control commands only its kind understands, and its persistent library.
///
/// Times are the server's monotonic milliseconds (``MonotonicMilliseconds``). The server calls
/// ``tick(now:)`` once ``nextDeadline`` has passed, and only while the pty is plugged in: an
/// unplugged module has no power, and the re-plug power-cycles it.
protocol SimulatedModule {
    /// Which kind of module this is; control lines are parsed for it.
    var kind: SimulatedModuleKind { get }
    /// Commands the module has answered.
    var commandsServed: Int { get }
    /// Whether scripted input (presses, looks) is still waiting to be consumed.
    var hasPendingInput: Bool { get }
    /// What `wait-idle` waits for, plural ("presses", "looks").
    var pendingInputName: String { get }
    /// When ``tick(now:)`` next has something to do, if ever.
    var nextDeadline: Int64? { get }
    /// The module-specific members of the `status` reply.
    var statusMembers: [(String, JSONValue)] { get }
    /// The `library` reply.
    var libraryJSON: JSONValue { get }

    /// What the module sends by itself at first power-on.
    func powerOnBytes() -> [UInt8]
    /// A re-plug: volatile state is lost; returns what the module sends on power-up.
    mutating func powerCycle(now: Int64) -> [UInt8]
    /// Bytes the host wrote; returns the module's answer.
    mutating func receive(_ bytes: [UInt8], now: Int64) -> [UInt8]
    /// Time passed; returns what the module sends because of it.
    mutating func tick(now: Int64) -> [UInt8]
    /// Executes a command of this module's kind; returns the bytes it makes the module send,
    /// or why it cannot be done.
    mutating func perform(_ command: ControlCommand, now: Int64) -> Result<[UInt8], ControlParseError>
    /// Deletes every enrolled template or face.
    mutating func clearLibrary()
    /// Writes the library to the state directory if it changed since the last save.
    mutating func saveLibraryIfChanged() throws(LibraryFileError)
    /// Summaries of the traffic since the last call, for `--log-commands`.
    mutating func takeLogLines() -> [String]
}
