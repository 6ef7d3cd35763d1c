import Foundation
import HadirCore
import HadirStore
import Logging

/// `<state>/template.keys`: the AES-256 keys that seal fingerprint templates in the database,
/// mode 0600, one `<id> <base64>` line each, the last line the active key.
public enum TemplateKeyFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the keyring at `path`, or creates one with a single new key.
    public static func loadOrCreate(path: String) throws(Failure) -> TemplateKeyring {
        guard FileManager.default.fileExists(atPath: path) else {
            let keyring = TemplateKeyring()
            try write(keyring, to: path)
            return keyring
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "cannot read the template keys \(path)")
        }
        var keys: [UInt32: [UInt8]] = [:]
        var active: UInt32?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ")
            guard fields.count == 2, let id = UInt32(fields[0]), let key = Data(base64Encoded: String(fields[1])), key.count == 32 else {
                throw Failure(description: "\(path):\(index + 1): expected `<id> <base64 of 32 bytes>`; restore the file from backup")
            }
            keys[id] = [UInt8](key)
            active = id
        }
        guard let active else { throw Failure(description: "\(path) holds no key; restore it from backup") }
        do {
            return try TemplateKeyring(keys: keys, activeID: active)
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// Writes `keyring` durably (old keys first, the active one last).
    public static func write(_ keyring: TemplateKeyring, to path: String) throws(Failure) {
        var lines = ["# Hadir template keys (AES-256-GCM). The last line is the active key. Keep this file secret."]
        for id in keyring.keys.keys.sorted() where id != keyring.activeID {
            lines.append("\(id) \(Data(keyring.keys[id] ?? []).base64EncodedString())")
        }
        lines.append("\(keyring.activeID) \(Data(keyring.keys[keyring.activeID] ?? []).base64EncodedString())")
        do {
            try DurableFile.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: path, mode: 0o600)
        } catch {
            throw Failure(description: "cannot write the template keys \(path): \(error)")
        }
    }

    /// Loads the keyring into `database`, re-seals templates not sealed with the active key, and
    /// drops keys no template uses any more. Used at start and after a rotation.
    @discardableResult
    static func apply(_ keyring: TemplateKeyring, path: String, to database: HadirDatabase, logger: Logger) throws -> TemplateResealing {
        database.useTemplateKeyring(keyring)
        let result = try database.resealTemplates()
        if result.resealed > 0 { logger.notice("templates sealed with the active key", metadata: ["count": "\(result.resealed)"]) }
        if !result.unreadablePINs.isEmpty {
            logger.error(
                "stored templates could not be opened; left as they are",
                metadata: ["pins": "\(result.unreadablePINs.joined(separator: ","))"])
        }
        let inUse = try database.templateKeyIDsInUse()
        if keyring.keys.count > 1, inUse.isSubset(of: [keyring.activeID]) {
            var pruned = keyring
            pruned.dropInactiveKeys()
            try write(pruned, to: path)
            database.useTemplateKeyring(pruned)
        }
        return result
    }
}
