import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct DeviceSigningKeyTests {
    func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func firstStartCreatesAPrivateKeyAndItsPublicHalf() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let key = try DeviceSigningKey.loadOrCreate(path: dir + "/k", publicPath: dir + "/k.pub")
        #expect(try mode(dir + "/k") == 0o600)
        #expect(try mode(dir + "/k.pub") == 0o644)
        #expect(try DeviceSigningKey.loadPublic(path: dir + "/k.pub") == key.publicKey)
        let again = try DeviceSigningKey.loadOrCreate(path: dir + "/k", publicPath: dir + "/k.pub")
        #expect(again.publicKey == key.publicKey)
    }

    @Test func aKeyFileReadableByOthersIsMadePrivate() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try DeviceSigningKey.loadOrCreate(path: dir + "/k", publicPath: dir + "/k.pub")
        chmod(dir + "/k", 0o644)
        _ = try DeviceSigningKey.loadOrCreate(path: dir + "/k", publicPath: dir + "/k.pub")
        #expect(try mode(dir + "/k") == 0o600)
    }

    @Test func aDamagedKeyIsAnErrorAndIsNeverReplaced() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "not a key\n".write(toFile: dir + "/k", atomically: true, encoding: .utf8)
        #expect(throws: DeviceSigningKey.Failure.self) { try DeviceSigningKey.loadOrCreate(path: dir + "/k", publicPath: dir + "/k.pub") }
        #expect(try String(contentsOfFile: dir + "/k", encoding: .utf8) == "not a key\n")
    }
}
