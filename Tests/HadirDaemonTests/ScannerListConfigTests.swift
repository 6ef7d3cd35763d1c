import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

/// `[scanner]` plus `[scanner.<name>]` tables: a mixed fingerprint and face kiosk.
@Suite struct ScannerListConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-scanners-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ body: String, environment: [String: String] = [:]) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)/state\"\n\(body)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: environment)
    }

    func error(_ body: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(body, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFaceTableAddsASecondScannerWithFaceDefaults() throws {
        let config = try load("[scanner]\npath = \"/dev/ttyUSB0\"\n\n[scanner.face]\nkind = \"fm225\"\n")
        #expect(config.scanners.map(\.name) == ["main", "face"])
        #expect(config.scanner.kind == .ef01)
        #expect(config.scanner.path == "/dev/ttyUSB0")
        let face = try #require(config.extraScanners.first)
        #expect(face.kind == .fm225)
        #expect(face.kind.modality == .face)
        #expect(face.path == "/dev/hadir-face")
        #expect(face.baud == 115_200)
        #expect(face.identifyTimeoutMilliseconds == 3_000)
    }

    @Test func explicitKeysWinOverTheKindDefaultsWhateverTheirOrder() throws {
        let config = try load("[scanner.face]\nbaud = 57600\npath = \"/dev/ttyS1\"\nkind = \"fm225\"\n")
        let face = try #require(config.extraScanners.first)
        #expect(face.baud == 57_600)
        #expect(face.path == "/dev/ttyS1")
        let environment = try load("", environment: ["HADIR_SCANNER_BAUD": "9600", "HADIR_SCANNER_KIND": "fm225"])
        #expect(environment.scanner.kind == .fm225)
        #expect(environment.scanner.baud == 9_600)
        #expect(environment.scanner.path == "/dev/hadir-face")
    }

    @Test func aFaceOnlyKioskIsTheFirstScannerOfKindFm225() throws {
        let config = try load("[scanner]\nkind = \"fm225\"\n")
        #expect(config.scanners.map(\.kind) == [.fm225])
        #expect(config.scanner.path == "/dev/hadir-face")
    }

    @Test func mistakesNameTheTableTheKeyAndTheLine() throws {
        let twoFaces = error("[scanner]\nkind = \"fm225\"\n[scanner.face]\nkind = \"fm225\"\npath = \"/dev/x\"\n")
        #expect(twoFaces?.key == "scanner.face.kind")
        #expect(twoFaces?.line == 6)
        #expect(twoFaces?.reason.contains("at most one") == true)

        let unknown = error("[scanner.face]\nkind = \"fm225\"\nbuad = 9600\n")
        #expect(unknown?.key == "scanner.face.buad")
        #expect(unknown?.line == 5)

        let address = error("[scanner.face]\nkind = \"fm225\"\naddress = 1\n")
        #expect(address?.key == "scanner.face.address")
        #expect(address?.reason.contains("ef01") == true)

        let usb = error("[scanner.face]\nkind = \"fm225\"\ntransport = \"usb\"\n")
        #expect(usb?.key == "scanner.face.transport")

        let shortVerify = error("[scanner.face]\nkind = \"fm225\"\nidentify_timeout_ms = 500\n")
        #expect(shortVerify?.key == "scanner.face.identify_timeout_ms")

        let samePath = error("[scanner]\npath = \"/dev/x\"\n[scanner.face]\nkind = \"fm225\"\npath = \"/dev/x\"\n")
        #expect(samePath?.key == "scanner.face.path")

        let badKind = error("[scanner.face]\nkind = \"iris\"\n")
        #expect(badKind?.reason.contains("fm225") == true)

        let badName = error("[scanner.main]\nkind = \"fm225\"\n")
        #expect(badName?.key == "scanner.main")
    }

    @Test func aChangedExtraScannerNeedsARestart() throws {
        let running = try load("[scanner.face]\nkind = \"fm225\"\n")
        let loaded = try load("[scanner.face]\nkind = \"fm225\"\npath = \"/dev/ttyUSB3\"\n")
        #expect(ConfigReloadPlan(running: running, loaded: loaded).restartNeeded == ["scanner.face"])
        #expect(ConfigReloadPlan(running: running, loaded: running).isEmpty)
    }
}
