import Foundation
import HadirCore

/// What `hadirctl doctor` and `GET /v1/doctor` check: the daemon, each scanner, the database and
/// disk, the clock, the network and DHCP, every uplink server, and port 4370, each with a fix.
public enum DoctorChecks {
    /// All checks from `status` (nil: the daemon did not answer, with `unreachable` saying why).
    public static func run(
        status: StatusReport?, unreachable: String? = nil, stateDirectory: String, databasePath: String
    ) async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        if let status {
            checks.append(.ok("daemon", "hadird \(status.version) answers on its control socket"))
        } else {
            checks.append(.fail("daemon", unreachable ?? "no answer", fix: "systemctl status hadird; journalctl -u hadird -n 50"))
        }
        for scanner in status?.scanners ?? [] {
            // A mixed kiosk names each module: "scanner" for [scanner], "scanner face" for [scanner.face].
            let name = scanner.name == "main" ? "scanner" : "scanner \(scanner.name)"
            checks.append(
                scanner.connected
                    ? .ok(name, "\(scanner.kind) at \(scanner.path) answers (library of \(scanner.capacity.map(String.init) ?? "?"))")
                    : .fail(
                        name, "\(scanner.path): \(scanner.lastError ?? "not connected")",
                        fix: "check the cable; ls -l \(scanner.path); udevadm monitor while re-plugging"))
        }
        checks += DoctorCheck.storage(stateDirectory: stateDirectory, databasePath: databasePath)
        // The daemon's view when it runs: it also counts a server's time (authority = "server").
        let clockSynced = status?.clock?.synced ?? SystemClock.kernelClockIsSynchronized()
        checks.append(
            clockSynced
                ? .ok("clock", "synchronised by \(status?.clock?.source ?? "NTP")")
                : .warn("clock", "not synchronised: punches are flagged unsynced", fix: "timedatectl; systemctl status systemd-timesyncd"))
        checks += DoctorCheck.network()
        for uplink in status?.uplinks ?? [] { checks.append(await DoctorCheck.server(name: uplink.server, url: uplink.url)) }
        if let status {
            if let pull = status.pull {
                checks.append(
                    pull.listening
                        ? .ok(
                            "port 4370",
                            "pull server listening (tcp \(pull.tcpPort.map(String.init) ?? "off"), udp \(pull.udpPort.map(String.init) ?? "off"))"
                        )
                        : .fail("port 4370", "pull server is not listening", fix: "another program holds the port? ss -lntup | grep 4370"))
            } else {
                checks.append(.warn("port 4370", "pull server disabled ([pull] enabled = false)", fix: "enable it if a server pulls logs"))
            }
        }
        return checks
    }
}
