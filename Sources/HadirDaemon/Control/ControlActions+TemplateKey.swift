import HadirCore
import HadirStore

extension ControlActions {
    /// `POST /v1/template-key/rotate`: a new active key, every template re-sealed with it, and the
    /// old key dropped once nothing uses it. A power cut midway leaves both keys in the file, and
    /// the next start finishes the re-sealing.
    func rotateTemplateKey() throws -> TemplateKeyRotation {
        let path = configuration.templateKeyPath
        var keyring = try TemplateKeyFile.loadOrCreate(path: path)
        keyring.rotate()
        try TemplateKeyFile.write(keyring, to: path)
        let result = try TemplateKeyFile.apply(keyring, path: path, to: database, logger: logger)
        try database.recordAudit(
            action: .templateKeyRotated, pin: nil, slot: nil, detail: "key \(keyring.activeID), \(result.resealed) template(s) re-sealed",
            actor: "control-api")
        logger.notice("template key rotated", metadata: ["active": "\(keyring.activeID)", "resealed": "\(result.resealed)"])
        return TemplateKeyRotation(activeKey: keyring.activeID, resealed: result.resealed, unreadable: result.unreadablePINs)
    }
}

/// Reply of `POST /v1/template-key/rotate`.
public struct TemplateKeyRotation: Codable, Sendable {
    public var activeKey: UInt32
    public var resealed: Int
    /// PINs whose template could not be opened (left untouched).
    public var unreadable: [String]

    enum CodingKeys: String, CodingKey {
        case resealed, unreadable
        case activeKey = "active_key"
    }
}
