// hadir-sim: a simulated EF01 fingerprint module on a pty, for development without
// hardware, `make demo` and the system tests. See `hadir-sim --help`.

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
        abstract: "Simulated EF01 fingerprint module (ZFM / R30x / R503 / AS608) served on a pty.",
        discussion: """
            Prints `pty PATH`, then `link PATH` and `control PATH` when given, then `ready`.
            Control lines (stdin or the control socket), one reply line each (`ok…` / `error …`):
              \(ControlCommand.synopsis)
            """)

    @Option(help: "Directory for the persistent template library (created if missing).")
    var state: String?

    @Option(help: "Symlink kept pointing at the current pty slave.")
    var link: String?

    @Option(help: "Unix socket path accepting control connections.")
    var control: String?

    @Option(help: "Module address, hex (0x…) or decimal.", transform: parseUInt32)
    var address: UInt32 = 0xFFFF_FFFF

    @Option(help: "Module password (0 = none); hex (0x…) or decimal.", transform: parseUInt32)
    var password: UInt32 = 0

    @Option(help: "Library slots (1-65535).")
    var capacity: Int = 1000

    @Option(help: "Data packet size: 32, 64, 128 or 256.")
    var packetSize: Int = 128

    @Option(help: "Template size in bytes (8-8192).")
    var templateSize: Int = 512

    @Option(help: "CharBuffers: 2 (classic) or 6 (R503).")
    var buffers: Int = 2

    @Option(help: "Sensor image size WIDTHxHEIGHT (UpImage/DownImage).")
    var image: String = "256x288"

    @Option(help: "Seconds AutoEnroll/AutoIdentify wait for a finger before 0x26.")
    var autoTimeout: Double = 10

    @Flag(help: "Send the R503's bare 0x55 at power-on and after SoftRst.")
    var startupByte = false

    @Flag(help: "Log every command and its reply to stderr.")
    var logCommands = false

    func validate() throws {
        if imageGeometry == nil { throw ValidationError("bad --image '\(image)': need WIDTHxHEIGHT, even width") }
        if !(autoTimeout > 0 && autoTimeout <= 86_400) {
            throw ValidationError("--auto-timeout must be 0...86400 seconds")
        }
        if let problem = moduleConfiguration.validationError() { throw ValidationError(problem) }
    }

    private var imageGeometry: SensorImageGeometry? {
        let sides = image.lowercased().split(separator: "x").compactMap { Int($0) }
        guard sides.count == 2 else { return nil }
        return SensorImageGeometry(width: sides[0], height: sides[1])
    }

    private var moduleConfiguration: EF01EmulatorConfiguration {
        var module = EF01EmulatorConfiguration()
        module.address = address
        module.password = password
        module.capacity = capacity
        module.packetSize = packetSize
        module.templateSize = templateSize
        module.bufferCount = buffers
        module.imageGeometry = imageGeometry ?? .zfm
        module.sendsStartupByte = startupByte
        return module
    }

    func run() throws {
        var options = SimulatorServerOptions()
        options.module = moduleConfiguration
        options.stateDirectory = state
        options.linkPath = link
        options.controlPath = control
        options.readsStandardInput = true
        options.logsCommands = logCommands
        options.automaticOperationTimeout = autoTimeout

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
