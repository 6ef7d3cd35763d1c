import ArgumentParser
import Foundation
import HadirDaemon
import HadirStore
import HadirUplink

/// `hadirctl doctor`: what a technician checks when a kiosk misbehaves, each with a fix hint.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the scanner, database, disk, clock, network, servers and port 4370; OK/WARN/FAIL with a fix for each.")
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let status: StatusReport?
        var unreachable: String?
        do {
            status = try options.client.status()
        } catch {
            status = nil
            unreachable = "\(error)"
        }
        let checks = await DoctorChecks.run(
            status: status, unreachable: unreachable, stateDirectory: options.state, databasePath: options.databasePath)
        if options.json {
            Output.json(checks)
        } else {
            for check in checks { print(check.line) }
        }
        let failed = checks.filter { $0.level == .fail }.count
        if failed > 0 { throw ExitCode(1) }
    }
}

extension DoctorCheck {
    var line: String {
        let tag: String
        switch level {
        case .ok: tag = Output.green("OK  ")
        case .warn: tag = Output.bold("WARN")
        case .fail: tag = Output.red("FAIL")
        }
        let padded = subject.padding(toLength: 12, withPad: " ", startingAt: 0)
        return "\(tag) \(padded) \(detail)" + (fix.map { "\n                  → \($0)" } ?? "")
    }
}
