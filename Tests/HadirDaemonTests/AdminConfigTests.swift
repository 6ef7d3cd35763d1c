import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct AdminConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-admin-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ admin: String) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? "[device]\nstate_dir = \"\(directory)\"\n[admin]\n\(admin)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: [:])
    }

    func error(_ admin: String) -> ConfigError? {
        do {
            _ = try load(admin)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsDisableThePageWithTheDocumentedLimits() throws {
        let admin = try load("").admin
        #expect(admin.pinHash == nil)
        #expect(admin.sessionTimeoutSeconds == 900)
        #expect(admin.maxFailedAttempts == 5)
        #expect(admin.lockoutSeconds == 300)
    }

    @Test func everyKeyIsRead() throws {
        let hash = try AdminPINHash(hashing: "2468")
        let admin = try load(
            """
            pin_hash = "\(hash)"
            session_timeout_s = 600
            max_failed_attempts = 3
            lockout_s = 60
            """
        ).admin
        #expect(admin.pinHash == hash)
        #expect(admin.pinHash?.matches("2468") == true)
        #expect(admin.sessionTimeoutSeconds == 600)
        #expect(admin.maxFailedAttempts == 3)
        #expect(admin.lockoutSeconds == 60)
    }

    @Test func emptyHashKeepsThePageDisabled() throws {
        #expect(try load("pin_hash = \"\"\n").admin.pinHash == nil)
    }

    @Test func mistakesNameFileKeyAndLine() {
        let malformed = error("\nlockout_s = 60\npin_hash = \"2468\"\n")
        #expect(malformed?.key == "admin.pin_hash")
        #expect(malformed?.line == 6)
        #expect(malformed?.file == directory + "/hadird.toml")
        #expect(malformed?.reason.contains("hadirctl admin-pin-hash") == true, "\(String(describing: malformed))")
        #expect(error("session_timeout_s = 5\n")?.key == "admin.session_timeout_s")
        #expect(error("max_failed_attempts = 0\n")?.key == "admin.max_failed_attempts")
        #expect(error("lockout_s = \"long\"\n")?.key == "admin.lockout_s")
        #expect(error("pin = \"1234\"\n")?.key == "admin.pin")
    }
}
