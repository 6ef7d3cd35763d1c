import Crypto
import Foundation
import _CryptoExtras

/// The technician page's PIN as stored in `[admin] pin_hash`: PBKDF2-HMAC-SHA256 with a random
/// salt, written `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` so the cost can rise
/// later without invalidating hashes already in the field.
public struct AdminPINHash: Sendable, Hashable, CustomStringConvertible {
    public static let scheme = "pbkdf2-sha256"
    /// swift-crypto's floor for PBKDF2-SHA256 (OWASP 2023); about 0.1 s on a kiosk board.
    public static let minimumIterations = 210_000
    public static let maximumIterations = 10_000_000
    static let saltBytes = 16
    static let hashBytes = 32

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Reads a `pin_hash` string.
    public init(parsing text: String) throws(AdminPINHashError) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw .malformed("expected pbkdf2-sha256$<iterations>$<salt>$<hash>") }
        guard parts[0] == Self.scheme else { throw .malformed("scheme \"\(parts[0])\" is not \(Self.scheme)") }
        guard let iterations = Int(parts[1]), (Self.minimumIterations...Self.maximumIterations).contains(iterations) else {
            throw .malformed("iterations must be a number in \(Self.minimumIterations)…\(Self.maximumIterations)")
        }
        guard let salt = Data(base64Encoded: String(parts[2])), salt.count >= 8 else {
            throw .malformed("the salt is not base64 of at least 8 bytes")
        }
        guard let hash = Data(base64Encoded: String(parts[3])), hash.count == Self.hashBytes else {
            throw .malformed("the hash is not base64 of \(Self.hashBytes) bytes")
        }
        self.iterations = iterations
        self.salt = Array(salt)
        self.hash = Array(hash)
    }

    /// Hashes `pin` with a fresh random salt.
    public init(hashing pin: String, iterations: Int = minimumIterations) throws(AdminPINHashError) {
        try Self.validate(pin: pin)
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.iterations = iterations
        self.salt = salt
        self.hash = Self.derive(Array(pin.utf8), salt: salt, iterations: iterations, byteCount: Self.hashBytes)
    }

    /// The `pin_hash` string.
    public var description: String {
        "\(Self.scheme)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// True when `pin` is the hashed PIN; the comparison takes the same time wherever a guess differs.
    public func matches(_ pin: String) -> Bool {
        let candidate = Self.derive(Array(pin.utf8), salt: salt, iterations: iterations, byteCount: hash.count)
        return Self.constantTimeEqual(candidate, hash)
    }

    /// Admin PINs are 4–12 digits, so the kiosk's number pad can type them.
    public static func validate(pin: String) throws(AdminPINHashError) {
        guard (4...12).contains(pin.utf8.count), pin.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidPIN
        }
    }

    /// PBKDF2-HMAC-SHA256 (RFC 8018) through BoringSSL: the iteration floor is enforced by the
    /// callers, so tests can check the published low-iteration vectors.
    static func derive(_ password: [UInt8], salt: [UInt8], iterations: Int, byteCount: Int) -> [UInt8] {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: byteCount, unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            // BoringSSL fails only on allocation failure or absurd sizes, neither reachable here.
            preconditionFailure("PBKDF2 failed: \(error)")
        }
    }

    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// Why a `pin_hash` or a PIN was refused.
public enum AdminPINHashError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed(String)
    case invalidPIN

    public var description: String {
        switch self {
        case .malformed(let reason): "pin_hash is malformed: \(reason) (make one with `hadirctl admin-pin-hash`)"
        case .invalidPIN: "the admin PIN must be 4-12 digits"
        }
    }
}
