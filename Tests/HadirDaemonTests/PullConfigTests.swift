import Foundation
import Testing

@testable import HadirDaemon

@Suite struct PullConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-pull-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ pull: String, environment: [String: String] = [:]) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)\"\n[pull]\n\(pull)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: environment)
    }

    func error(_ pull: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(pull, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsServePort4370WithoutKeyAndRefuseSetTimeWhenSynced() throws {
        let pull = try load("").pull
        #expect(pull.enabled && pull.tcp && pull.udp)
        #expect(pull.port == 4370 && pull.commKey == 0 && !pull.readOnly && pull.allow.isEmpty)
        #expect(pull.setTime == "refuse-when-synced")
    }

    @Test func everyKeyIsRead() throws {
        let pull = try load(
            """
            enabled = true
            host = "127.0.0.1"
            port = 14370
            tcp = false
            comm_key = 123456
            read_only = true
            allow = ["192.168.10.0/24", "10.0.0.5"]
            max_sessions = 4
            requests_per_second = 50
            idle_timeout_s = 30
            set_time = "apply"
            device_name = "Kantor Camat"
            platform = "ZAM180_TFT"
            mac = "02:00:00:00:00:01"
            """
        ).pull
        #expect(pull.host == "127.0.0.1" && pull.port == 14370 && !pull.tcp && pull.commKey == 123_456 && pull.readOnly)
        #expect(pull.allow == ["192.168.10.0/24", "10.0.0.5"])
        #expect(pull.maxSessions == 4 && pull.requestsPerSecond == 50 && pull.idleTimeoutSeconds == 30 && pull.setTime == "apply")
        #expect(pull.deviceName == "Kantor Camat" && pull.platform == "ZAM180_TFT" && pull.macAddress == "02:00:00:00:00:01")
    }

    @Test func aBadCIDRNamesTheFileLineAndKey() {
        let failure = error("port = 4370\nallow = [\"192.168.10.0/33\"]\n")
        #expect(failure?.line == 5)
        #expect(failure?.key == "pull.allow")
        #expect(failure?.reason.contains("192.168.10.0/33") == true)
    }

    @Test func outOfRangeAndUnknownValuesAreRefused() {
        #expect(error("port = 70000\n")?.key == "pull.port")
        #expect(error("comm_key = -1\n")?.key == "pull.comm_key")
        #expect(error("set_time = \"sometimes\"\n")?.reason.contains("refuse-when-synced") == true)
        #expect(error("platform = \"ZMM220\"\n")?.reason.contains("_TFT") == true)
    }

    @Test func environmentOverridesIncludingACommaSeparatedAllowList() throws {
        let pull = try load("", environment: ["HADIR_PULL_PORT": "0", "HADIR_PULL_ALLOW": "10.0.0.0/8, 127.0.0.1"]).pull
        #expect(pull.port == 0)
        #expect(pull.allow == ["10.0.0.0/8", "127.0.0.1"])
        #expect(error("", environment: ["HADIR_PULL_READ_ONLY": "maybe"])?.key == "HADIR_PULL_READ_ONLY")
    }
}
