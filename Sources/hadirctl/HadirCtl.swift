import ArgumentParser
import Foundation
import HadirDaemon

/// The technician's and operator's command-line tool.
@main
struct HadirCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hadirctl",
        abstract: "Inspect and operate a Hadir kiosk.",
        version: HadirVersion.current,
        subcommands: [
            Status.self, Users.self, UserAdd.self, UserRemove.self, Enroll.self, DeleteFinger.self, DeleteFace.self, Punches.self,
            VerifyJournal.self, ExportPublicKey.self, JournalProofCommand.self, RotateTemplateKey.self, AuditFingers.self, Reconcile.self,
            Archive.self, ReportCommand.self, ExportUsb.self, Sync.self, Events.self, Metrics.self, Doctor.self, Recover.self,
            AdminPINHashCommand.self,
        ])

    // Declared here too so `hadirctl --state DIR punches` parses; subcommands read the same group.
    @OptionGroup var options: GlobalOptions
}

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "State directory of the kiosk.")
    var state = "/var/lib/hadir"

    @Option(name: .long, help: "Control socket (default: <state>/control.sock, else /run/hadir/control.sock).")
    var socket: String?

    @Option(name: .long, help: "A kiosk's LAN control API instead of the local socket, e.g. http://10.0.0.7:8088.")
    var url: String?

    @Option(name: .long, help: "Bearer token for --url (default: $HADIR_CONTROL_TOKEN).")
    var token: String?

    @Flag(name: .long, help: "Machine-readable JSON output.")
    var json = false

    var client: DaemonControlClient {
        if let url {
            return DaemonControlClient(
                endpoint: .remote(baseURL: url, token: token ?? ProcessInfo.processInfo.environment["HADIR_CONTROL_TOKEN"]))
        }
        return DaemonControlClient(socketPath: socketPath)
    }

    /// The daemon's socket: given, beside the state, or where the systemd unit puts it.
    var socketPath: String {
        if let socket { return socket }
        let beside = state + "/control.sock"
        let runtime = "/run/hadir/control.sock"
        return !FileManager.default.fileExists(atPath: beside) && FileManager.default.fileExists(atPath: runtime) ? runtime : beside
    }
    var databasePath: String { state + "/hadir.sqlite" }
    /// The device's journal public key, written beside the private key at first start.
    var publicKeyPath: String { state + "/journal-signing.pub" }
    var signingKeyPath: String { state + "/journal-signing.key" }
}
