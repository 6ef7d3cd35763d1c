import Foundation
import HadirCore

#if canImport(Glibc)
    import Glibc
#endif

/// The device's journal-signing key: created once at first start, kept in the state directory
/// readable by hadird alone (0600), with its public half beside it (0644) for hadirctl and
/// `export-pubkey`.
public enum DeviceSigningKey {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the key at `path`, or creates it (and `publicPath`) when there is none.
    ///
    /// A key file that exists but cannot be read as a key is an error, never replaced: a new key
    /// would make every checkpoint signed so far look forged.
    public static func loadOrCreate(path: String, publicPath: String) throws(Failure) -> JournalSigningKey {
        if FileManager.default.fileExists(atPath: path) {
            let key = try load(path: path)
            try tightenMode(path)
            if !FileManager.default.fileExists(atPath: publicPath) { try writePublic(key, to: publicPath) }
            return key
        }
        let key = JournalSigningKey()
        do {
            try DurableFile.write(Array(key.pem.utf8), to: path, mode: 0o600)
        } catch {
            throw Failure(description: "cannot create the journal-signing key \(path): \(error)")
        }
        try writePublic(key, to: publicPath)
        return key
    }

    /// Reads the key at `path`.
    public static func load(path: String) throws(Failure) -> JournalSigningKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read the journal-signing key \(path): \(error.localizedDescription)")
        }
        guard let key = JournalSigningKey(pem: text) else {
            throw Failure(
                description:
                    "\(path) is not an Ed25519 private key (PKCS#8 PEM); restore it from backup — a new key would not match the checkpoints signed so far"
            )
        }
        return key
    }

    /// Reads the public key at `path` (`export-pubkey`, verification by hadirctl).
    public static func loadPublic(path: String) throws(Failure) -> JournalPublicKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "cannot read the journal public key \(path)")
        }
        guard let key = JournalPublicKey(pem: text) else { throw Failure(description: "\(path) is not an Ed25519 public key (PEM)") }
        return key
    }

    private static func writePublic(_ key: JournalSigningKey, to path: String) throws(Failure) {
        do {
            try DurableFile.write(Array(key.publicKey.pem.utf8), to: path, mode: 0o644)
        } catch {
            throw Failure(description: "cannot write the journal public key \(path): \(error)")
        }
    }

    /// A key file others can read (copied in by hand, a lax umask) is made private again.
    private static func tightenMode(_ path: String) throws(Failure) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if info.st_mode & 0o077 != 0, chmod(path, 0o600) != 0 {
            throw Failure(
                description:
                    "the journal-signing key \(path) is readable by others and chmod 0600 failed: \(POSIXFailure(operation: "chmod"))")
        }
    }
}
