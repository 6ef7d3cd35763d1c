import Foundation
import HadirHTTPClient
import HadirStore
import HadirUplink

/// One line of `hadirctl doctor` and of `GET /v1/doctor`.
public struct DoctorCheck: Codable, Sendable {
    public enum Level: String, Codable, Sendable {
        case ok = "OK"
        case warn = "WARN"
        case fail = "FAIL"
    }

    public var level: Level
    public var subject: String
    public var detail: String
    public var fix: String?

    static func ok(_ subject: String, _ detail: String) -> DoctorCheck { DoctorCheck(level: .ok, subject: subject, detail: detail) }
    static func warn(_ subject: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(level: .warn, subject: subject, detail: detail, fix: fix)
    }
    static func fail(_ subject: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(level: .fail, subject: subject, detail: detail, fix: fix)
    }

    /// The database opens (which runs SQLite's quick_check) and the disk has room.
    static func storage(stateDirectory: String, databasePath: String) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        do {
            let database = try HadirDatabase.open(path: databasePath, readOnly: true)
            checks.append(.ok("database", "\(databasePath) passes quick_check, \(try database.punchCount()) punches"))
        } catch {
            checks.append(
                .fail("database", "\(error)", fix: "hadirctl verify-journal; restore from the quarantined copy if hadird moved it aside"))
        }
        var stats = statvfs()
        guard statvfs(stateDirectory, &stats) == 0 else {
            return checks + [
                .fail("disk", "\(stateDirectory): \(String(cString: strerror(errno)))", fix: "is the state directory mounted?")
            ]
        }
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        let megabytes = free / 1_048_576
        if megabytes < 50 {
            checks.append(
                .fail("disk", "\(megabytes) MB free under \(stateDirectory)", fix: "free space now: punches need room to be recorded"))
        } else if megabytes < 500 {
            checks.append(
                .warn(
                    "disk", "\(megabytes) MB free under \(stateDirectory)",
                    fix: "clean /var/log or the journal (journalctl --vacuum-size=50M)"))
        } else {
            checks.append(.ok("disk", "\(megabytes) MB free under \(stateDirectory)"))
        }
        return checks
    }

    /// An IPv4 address, and a DHCP lease where the system keeps one ("cek DHCP" is the field's advice).
    static func network() -> [DoctorCheck] {
        guard let address = NetworkIdentity.ipv4Address() else {
            return [
                .fail(
                    "network", "no IPv4 address on any interface",
                    fix: "check the cable/Wi-Fi and DHCP: ip addr; journalctl -u systemd-networkd")
            ]
        }
        let leaseDirectories = ["/run/systemd/netif/leases", "/var/lib/dhcp", "/var/lib/NetworkManager", "/var/lib/dhcpcd"]
        let leases = leaseDirectories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
                $0.contains("lease") || directory.hasSuffix("leases")
            }
        }
        return [
            .ok("network", "IPv4 address \(address)"),
            leases.isEmpty
                ? .warn(
                    "dhcp", "no DHCP lease found (a static address, or DHCP did not answer)",
                    fix: "if the office uses DHCP: renew it (networkctl renew <if>)")
                : .ok("dhcp", "lease present (\(leases.count) file(s))"),
        ]
    }

    /// DNS, TCP and TLS of an uplink server: one GET of its iclock base URL; any HTTP status will do.
    static func server(name: String, url: String) async -> DoctorCheck {
        let transport = CurlHTTPTransport(configuration: CurlHTTPConfiguration())
        do {
            let response = try await transport.send(.get(url))
            return .ok("server", "\(name) \(url) reachable (HTTP \(response.status))")
        } catch {
            let fix: String
            switch error {
            case .dns: fix = "check DNS: resolvectl query <host>; /etc/resolv.conf"
            case .connect, .timeout, .reset: fix = "check the route and firewall to the server: curl -v \(url)"
            case .tls: fix = "check the kiosk clock and [uplink.\(name)] ca_file / pinned_public_key"
            default: fix = "curl -v \(url)"
            }
            return .fail("server", "\(name): \(error)", fix: fix)
        }
    }
}
