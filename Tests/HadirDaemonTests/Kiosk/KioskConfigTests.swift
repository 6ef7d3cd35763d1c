import Foundation
import Testing

@testable import HadirDaemon

@Suite struct KioskConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-kiosk-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ kiosk: String, environment: [String: String] = [:]) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)\"\n[kiosk]\n\(kiosk)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: environment)
    }

    func error(_ kiosk: String) -> ConfigError? {
        do {
            _ = try load(kiosk)
            return nil
        } catch {
            return error
        }
    }

    @Test func doorScreenIsOnLoopbackPort8090ByDefault() throws {
        let kiosk = try load("").kiosk
        #expect(kiosk.endpoint?.host == "127.0.0.1")
        #expect(kiosk.endpoint?.port == 8090)
        #expect(kiosk.resultSeconds == 3)
    }

    @Test func everyKeyIsRead() throws {
        let kiosk = try load("listen = \"[::1]:9123\"\nresult_seconds = 5\n").kiosk
        #expect(kiosk.endpoint?.host == "::1")
        #expect(kiosk.endpoint?.port == 9123)
        #expect(kiosk.resultSeconds == 5)
    }

    @Test func emptyListenOrDisabledTurnsTheScreenOff() throws {
        let empty = try load("listen = \"\"\n").kiosk
        #expect(empty.endpoint == nil)
        let disabled = try load("enabled = false\n").kiosk
        #expect(disabled.endpoint == nil)
    }

    @Test func environmentOverridesTheListener() throws {
        let kiosk = try load("", environment: ["HADIR_KIOSK_LISTEN": "localhost:8111"]).kiosk
        #expect(kiosk.endpoint?.host == "localhost")
        #expect(kiosk.endpoint?.port == 8111)
    }

    @Test func badValuesNameTheFileLineAndKey() {
        let lan = error("result_seconds = 3\nlisten = \"0.0.0.0:8090\"\n")
        #expect(lan?.line == 5)
        #expect(lan?.key == "kiosk.listen")
        #expect(lan?.reason.contains("loopback") == true)
        #expect(lan?.file.hasSuffix("hadird.toml") == true)

        #expect(error("listen = \"127.0.0.1\"\n")?.key == "kiosk.listen")
        #expect(error("listen = \"127.0.0.1:70000\"\n")?.key == "kiosk.listen")
        #expect(error("result_seconds = 0\n")?.key == "kiosk.result_seconds")
        #expect(error("enabled = \"yes\"\n")?.key == "kiosk.enabled")
        #expect(error("colour = \"red\"\n")?.key == "kiosk.colour")
    }

    @Test func kioskKeysNeedARestart() throws {
        let running = try load("")
        let loaded = try load("result_seconds = 4\n")
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.restartNeeded == ["kiosk.result_seconds"])
        #expect(plan.effective.kiosk.resultSeconds == 3)
    }
}
