/// How a ``SimulatorServer`` is set up: the module, where its state lives and how it is
/// reached.
public struct SimulatorServerOptions: Sendable {
    /// Which module is emulated.
    public var kind = SimulatedModuleKind.fingerprint
    /// The fingerprint module's power-on settings (kind ``SimulatedModuleKind/fingerprint``).
    public var module = EF01EmulatorConfiguration()
    /// The face module's power-on settings (kind ``SimulatedModuleKind/face``).
    public var faceModule = FaceEmulatorConfiguration()
    /// Directory for `library.json` (fingerprint) or `faces.json` (face); nil keeps the
    /// library in memory only.
    public var stateDirectory: String?
    /// Symlink kept pointing at the current pty slave (like a udev SYMLINK).
    public var linkPath: String?
    /// Unix socket accepting control connections.
    public var controlPath: String?
    /// Whether control lines are also read from stdin (replies go to stdout).
    public var readsStandardInput = false
    /// Whether each command and a summary of its reply are logged to stderr.
    public var logsCommands = false
    /// Seconds an AutoEnroll/AutoIdentify waits for the finger before answering 0x26.
    public var automaticOperationTimeout = 10.0

    /// Default options: a fingerprint module, in-memory library, no link, no control socket,
    /// no stdin.
    public init() {}
}
