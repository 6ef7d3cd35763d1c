import ArgumentParser
import Foundation
import HadirDaemon
import Logging

/// The kiosk daemon.
@main
struct Hadird: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hadird",
        abstract: "Hadir attendance kiosk daemon: scanner → durable journal → feedback.",
        version: HadirVersion.current)

    @Option(name: .long, help: "Config file (default: $HADIR_CONFIG or \(ConfigLoader.defaultPath)).")
    var config: String?

    @Flag(name: .long, help: "Ignore config files and run on the embedded defaults (plus HADIR_* overrides).")
    var defaults = false

    @Option(name: .long, help: "State directory (overrides [device] state_dir).")
    var state: String?

    @Flag(name: .long, help: "Validate the configuration and exit.")
    var checkConfig = false

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        if let state { environment["HADIR_DEVICE_STATE_DIR"] = state }
        let path: String? = defaults ? nil : (config ?? environment["HADIR_CONFIG"] ?? ConfigLoader.defaultPath)
        let configuration: HadirConfiguration
        do {
            configuration = try ConfigLoader.load(path: path, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("hadird: \(error.description)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
        do {
            try StateDirectory.prepare(configuration.device.stateDirectory)
        } catch {
            FileHandle.standardError.write(Data("hadird: \(error.description)\n".utf8))
            throw ExitCode(StateDirectoryError.exitCode)
        }
        if checkConfig {
            print("\(path ?? "embedded defaults"): configuration OK")
            return
        }
        // One shared level, so a SIGHUP reload reaches every logger; journald gets priority prefixes.
        let level = LiveLogLevel(configuration.output.logLevel)
        if JournalStream.stderrIsJournal(environment: environment) {
            LoggingSystem.bootstrap { JournalLogHandler(label: $0, level: level) }
        } else {
            LoggingSystem.bootstrap { LiveLevelLogHandler(label: $0, level: level) }
        }
        let logger = Logger(label: "hadird")
        // libcurl runs with NOSIGNAL (threads), so a server closing mid-upload must not kill us.
        signal(SIGPIPE, SIG_IGN)
        do {
            let lifecycle = LifecycleOptions(source: ConfigSource(path: path, environment: environment), logLevel: level)
            try await Daemon(configuration: configuration, logger: logger, lifecycle: lifecycle).run()
        } catch let error as StateDirectoryError {
            logger.critical("hadird cannot write its state", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("hadird: \(error.description)\n".utf8))
            throw ExitCode(StateDirectoryError.exitCode)
        } catch {
            logger.critical("hadird stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
