import Crypto
import Foundation

/// The AES-256-GCM keys that seal fingerprint templates at rest, by id; new templates are sealed
/// with the active key, older ones open with whichever key sealed them until they are re-sealed.
///
/// A sealed template is `HDRT`, version 1, the key id (4 bytes, big-endian), then AES-GCM's
/// nonce, ciphertext and tag. The employee's PIN is authenticated data, so a template moved to
/// another employee's row by editing the file no longer opens.
public struct TemplateKeyring: Sendable, CustomStringConvertible {
    /// Raw 32-byte keys by id (swift-crypto's key type is not Sendable; it is rebuilt on use).
    public private(set) var keys: [UInt32: [UInt8]]
    public private(set) var activeID: UInt32

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case notSealed
        case unknownKey(UInt32)
        case unreadable
        case invalidKey(String)

        public var description: String {
            switch self {
            case .notSealed: "the template is not sealed"
            case .unknownKey(let id): "the template is sealed with template key \(id), which is not in the keyring"
            case .unreadable: "the sealed template does not open: damaged, or moved from another employee's row"
            case .invalidKey(let reason): "invalid template key: \(reason)"
            }
        }
    }

    /// A keyring with one new random key.
    public init() {
        let id: UInt32 = 1
        keys = [id: Self.randomKey()]
        activeID = id
    }

    /// A keyring from stored keys; `activeID` must be one of them.
    public init(keys: [UInt32: [UInt8]], activeID: UInt32) throws(Failure) {
        guard keys[activeID] != nil else { throw .invalidKey("the active key \(activeID) is missing") }
        for (id, key) in keys where key.count != 32 { throw .invalidKey("key \(id) is \(key.count) bytes, not 32") }
        self.keys = keys
        self.activeID = activeID
    }

    /// Adds a new random key and makes it the active one; earlier keys stay to open old templates.
    public mutating func rotate() {
        let id = (keys.keys.max() ?? 0) &+ 1
        keys[id] = Self.randomKey()
        activeID = id
    }

    /// Keeps only the active key (once every template is sealed with it).
    public mutating func dropInactiveKeys() {
        keys = keys.filter { $0.key == activeID }
    }

    /// Never the keys: logs and error messages must not carry them.
    public var description: String { "TemplateKeyring(active \(activeID), \(keys.count) key(s))" }

    public static let magic: [UInt8] = Array("HDRT".utf8) + [1]

    /// True when `bytes` carry the sealed-template header.
    public static func isSealed(_ bytes: [UInt8]) -> Bool {
        bytes.count > magic.count + 4 && Array(bytes.prefix(magic.count)) == magic
    }

    /// The id of the key that sealed `bytes`, or nil when they are not sealed.
    public static func keyID(of bytes: [UInt8]) -> UInt32? {
        guard isSealed(bytes) else { return nil }
        return bytes[magic.count..<magic.count + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Seals `template` for employee `pin` with the active key.
    public func seal(_ template: [UInt8], pin: String) -> [UInt8] {
        let key = SymmetricKey(data: keys[activeID] ?? [])
        // AES-GCM sealing fails only for a bad key size, which the initialisers rule out.
        let box = try? AES.GCM.seal(template, using: key, authenticating: Self.associatedData(pin: pin))
        let id = withUnsafeBytes(of: activeID.bigEndian) { Array($0) }
        return Self.magic + id + (box?.combined.map { Array($0) } ?? [])
    }

    /// Opens a sealed template of employee `pin`.
    public func open(_ sealed: [UInt8], pin: String) throws(Failure) -> [UInt8] {
        guard let id = Self.keyID(of: sealed) else { throw .notSealed }
        guard let raw = keys[id] else { throw .unknownKey(id) }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst(Self.magic.count + 4))
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: raw), authenticating: Self.associatedData(pin: pin)))
        } catch {
            throw .unreadable
        }
    }

    static func associatedData(pin: String) -> [UInt8] {
        Array("hadir-template-v1|\(pin)".utf8)
    }

    static func randomKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }
}
