// hadir-sim: a simulated scanner module (EF01 fingerprint or EFAA face) on a pty, for
// development without hardware, `make demo` and the system tests. See `hadir-sim --help`.

import ArgumentParser
import Dispatch
import HadirSimulator

#if canImport(Glibc)
    import Glibc
#endif

/// The `hadir-sim` command line.
struct HadirSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hadir-sim",
        abstract: """
            Simulated scanner module served on a pty: an EF01 fingerprint module (ZFM / R30x / R503 / AS608, \
            57600 baud) or an EFAA face module (HLK-FM225 / FM223, 115200 baud).
            """,
        discussion: """
            Prints `pty PATH`, then `link PATH` and `control PATH` when given, then `ready`.
            A pty has no real baud rate: clients may set the module's (57600 fingerprint, 115200 face).
            Control lines (stdin or the control socket), one reply line each (`ok…` / `error …`):
              --kind fingerprint: \(ControlCommand.synopsis(for: .fingerprint))
              --kind face: \(ControlCommand.synopsis(for: .face))
            """)

    @Option(help: "Module to emulate: fingerprint or face.", transform: parseKind)
    var kind: SimulatedModuleKind = .fingerprint

    @Option(help: "Directory for the persistent library, library.json or faces.json (created if missing).")
    var state: String?

    @Option(help: "Symlink kept pointing at the current pty slave.")
    var link: String?

    @Option(help: "Unix socket path accepting control connections.")
    var control: String?

    @Option(help: "Library capacity: fingerprint slots 1-65535 (default 1000), faces 1-255 (default 100).")
    var capacity: Int?

    @Option(help: "Fingerprint: module address, hex (0x…) or decimal (default 0xFFFFFFFF).", transform: parseUInt32)
    var address: UInt32?

    @Option(help: "Fingerprint: module password (0 = none, the default); hex (0x…) or decimal.", transform: parseUInt32)
    var password: UInt32?

    @Option(help: "Fingerprint: data packet size, 32, 64, 128 or 256 (default 128).")
    var packetSize: Int?

    @Option(help: "Fingerprint: template size in bytes, 8-8192 (default 512).")
    var templateSize: Int?

    @Option(help: "Fingerprint: CharBuffers, 2 (classic, the default) or 6 (R503).")
    var buffers: Int?

    @Option(help: "Fingerprint: sensor image size WIDTHxHEIGHT for UpImage/DownImage (default 256x288).")
    var image: String?

    @Option(help: "Fingerprint: seconds AutoEnroll/AutoIdentify wait for a finger before 0x26 (default 10).")
    var autoTimeout: Double?

    @Flag(help: "Fingerprint: send the R503's bare 0x55 at power-on and after SoftRst.")
    var startupByte = false

    @Flag(help: "Fingerprint: no ring LED; AuraLedConfig answers 0xFC (unsupported), as on a ZFM.")
    var noAuraLed = false

    @Option(help: "Face: serial number GET_SN answers, 1-32 printable ASCII characters (default HADIRSIMFACE0001).")
    var serial: String?

    @Option(help: "Face: milliseconds a face must be in view before VERIFY or an enroll step decides (default 300).")
    var recognitionMs: Int?

    @Flag(help: "Log every command and its reply to stderr.")
    var logCommands = false

    func validate() throws {
        let misplaced = kind == .face ? fingerprintOptionsGiven : faceOptionsGiven
        if let option = misplaced.first {
            throw ValidationError("\(option) does not apply to --kind \(kind.rawValue)")
        }
        switch kind {
        case .fingerprint:
            if imageGeometry == nil {
                throw ValidationError("bad --image '\(image ?? "")': need WIDTHxHEIGHT, even width")
            }
            if let autoTimeout, !(autoTimeout > 0 && autoTimeout <= 86_400) {
                throw ValidationError("--auto-timeout must be 0...86400 seconds")
            }
            if let problem = moduleConfiguration.validationError() { throw ValidationError(problem) }
        case .face:
            if let serial, serial.isEmpty || serial.utf8.count > 32 || !serial.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
                throw ValidationError("--serial must be 1-32 printable ASCII characters")
            }
            if let recognitionMs, !(0...60_000).contains(recognitionMs) {
                throw ValidationError("--recognition-ms must be 0...60000")
            }
            if let problem = faceConfiguration.validationError() { throw ValidationError(problem) }
        }
    }

    /// Fingerprint-only options present on the command line.
    private var fingerprintOptionsGiven: [String] {
        [
            ("--address", address != nil), ("--password", password != nil), ("--packet-size", packetSize != nil),
            ("--template-size", templateSize != nil), ("--buffers", buffers != nil), ("--image", image != nil),
            ("--auto-timeout", autoTimeout != nil), ("--startup-byte", startupByte),
            ("--no-aura-led", noAuraLed),
        ].filter(\.1).map(\.0)
    }

    /// Face-only options present on the command line.
    private var faceOptionsGiven: [String] {
        [("--serial", serial != nil), ("--recognition-ms", recognitionMs != nil)].filter(\.1).map(\.0)
    }

    private var imageGeometry: SensorImageGeometry? {
        guard let image else { return .zfm }
        let sides = image.lowercased().split(separator: "x").compactMap { Int($0) }
        guard sides.count == 2 else { return nil }
        return SensorImageGeometry(width: sides[0], height: sides[1])
    }

    private var moduleConfiguration: EF01EmulatorConfiguration {
        var module = EF01EmulatorConfiguration()
        if let address { module.address = address }
        if let password { module.password = password }
        if let capacity { module.capacity = capacity }
        if let packetSize { module.packetSize = packetSize }
        if let templateSize { module.templateSize = templateSize }
        if let buffers { module.bufferCount = buffers }
        module.imageGeometry = imageGeometry ?? .zfm
        module.sendsStartupByte = startupByte
        module.hasAuraLed = !noAuraLed
        return module
    }

    private var faceConfiguration: FaceEmulatorConfiguration {
        var module = FaceEmulatorConfiguration()
        if let capacity { module.capacity = capacity }
        if let serial { module.serialNumber = serial }
        if let recognitionMs { module.recognitionMilliseconds = Int64(recognitionMs) }
        return module
    }

    func run() throws {
        var options = SimulatorServerOptions()
        options.kind = kind
        options.module = moduleConfiguration
        options.faceModule = faceConfiguration
        options.stateDirectory = state
        options.linkPath = link
        options.controlPath = control
        options.readsStandardInput = true
        options.logsCommands = logCommands
        if let autoTimeout { options.automaticOperationTimeout = autoTimeout }

        let server: SimulatorServer
        do {
            server = try SimulatorServer(options: options)
        } catch {
            FileDescriptorIO.standardErrorLine("hadir-sim: \(error)")
            throw ExitCode.failure
        }

        // Signals become a wake-up of the poll loop, which then cleans up (link, socket).
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.requestStop() }
            source.resume()
            sources.append(source)
        }

        FileDescriptorIO.standardOutputLine("pty \(server.initialSlavePath ?? "")")
        if let link { FileDescriptorIO.standardOutputLine("link \(link)") }
        if let control { FileDescriptorIO.standardOutputLine("control \(control)") }
        FileDescriptorIO.standardOutputLine("ready")

        server.run()
        for source in sources { source.cancel() }
    }
}

/// Parses `0x…` hex or decimal into a 32-bit value.
private func parseUInt32(_ text: String) throws -> UInt32 {
    let lower = text.lowercased()
    let value = lower.hasPrefix("0x") ? UInt32(lower.dropFirst(2), radix: 16) : UInt32(lower)
    guard let value else { throw ValidationError("'\(text)' is not a 32-bit number (hex 0x… or decimal)") }
    return value
}

/// Parses `--kind`.
private func parseKind(_ text: String) throws -> SimulatedModuleKind {
    guard let kind = SimulatedModuleKind(rawValue: text.lowercased()) else {
        let kinds = SimulatedModuleKind.allCases.map(\.rawValue).joined(separator: " or ")
        throw ValidationError("need \(kinds)")
    }
    return kind
}

// Bad arguments give one clear line and exit 64 (EX_USAGE); --help still prints help.
do {
    var command = try HadirSim.parseAsRoot()
    try command.run()
} catch {
    let code = HadirSim.exitCode(for: error)
    if code == .success || error is ExitCode {
        HadirSim.exit(withError: error)
    }
    let message = HadirSim.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
    FileDescriptorIO.standardErrorLine("hadir-sim: \(message)")
    HadirSim.exit(withError: ExitCode(64))
}
