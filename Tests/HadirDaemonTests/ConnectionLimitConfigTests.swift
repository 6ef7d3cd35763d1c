import Foundation
import Testing

@testable import HadirDaemon

/// `[pull]` and `[control]` connection limits: defaults for a 1-GB kiosk, every key read, and
/// mistakes named with file, line and key.
@Suite struct ConnectionLimitConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-limits-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ body: String) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)\"\n\(body)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: [:])
    }

    func error(_ body: String) -> ConfigError? {
        do {
            _ = try load(body)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsSuitAOneGigabyteKiosk() throws {
        let config = try load("")
        #expect(config.pull.maxConnections == 64 && config.pull.maxConnectionsPerAddress == 16)
        #expect(config.pull.maxSessions == 16 && config.pull.maxSessionsPerAddress == 4 && config.pull.firstRequestTimeoutSeconds == 10)
        #expect(config.control.maxConnections == 32 && config.control.maxConnectionsPerAddress == 8)
        #expect(config.control.idleTimeoutSeconds == 30 && config.control.maxBodyBytes == 65_536)
    }

    @Test func everyKeyIsRead() throws {
        let config = try load(
            """
            [pull]
            max_connections = 100
            max_connections_per_address = 10
            max_sessions_per_address = 2
            first_request_timeout_s = 3
            [control]
            max_connections = 5
            max_connections_per_address = 5
            idle_timeout_s = 7
            max_body_bytes = 4096
            """)
        #expect(config.pull.maxConnections == 100 && config.pull.maxConnectionsPerAddress == 10)
        #expect(config.pull.maxSessionsPerAddress == 2 && config.pull.firstRequestTimeoutSeconds == 3)
        #expect(config.control.maxConnections == 5 && config.control.maxConnectionsPerAddress == 5)
        #expect(config.control.idleTimeoutSeconds == 7 && config.control.maxBodyBytes == 4_096)
    }

    @Test func mistakesNameTheLineAndKey() {
        let tooBig = error("[control]\nmax_body_bytes = 10000000\n")
        #expect(tooBig?.key == "control.max_body_bytes" && tooBig?.line == 4)
        #expect(error("[pull]\nmax_connections = 0\n")?.key == "pull.max_connections")
        #expect(error("[pull]\nfirst_request_timeout_s = \"soon\"\n")?.key == "pull.first_request_timeout_s")
        let share = error("[pull]\nmax_connections = 8\nmax_connections_per_address = 9\n")
        #expect(share?.key == "pull.max_connections_per_address" && share?.line == 5)
        #expect(share?.reason.contains("more than max_connections") == true)
        #expect(error("[control]\nmax_connections_per_address = 33\n")?.key == "control.max_connections_per_address")
    }

    @Test func anUnsetShareFollowsASmallerWhole() throws {
        let config = try load("[pull]\nmax_sessions = 1\nmax_connections = 8\n[control]\nmax_connections = 2\n")
        #expect(config.pull.maxSessionsPerAddress == 1 && config.pull.maxConnectionsPerAddress == 8)
        #expect(config.control.maxConnectionsPerAddress == 2)
    }
}
