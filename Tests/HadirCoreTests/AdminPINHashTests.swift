import Foundation
import Testing

@testable import HadirCore

@Suite struct AdminPINHashTests {
    /// PBKDF2-HMAC-SHA256 vectors (the RFC 6070 inputs with SHA-256; the last is RFC 7914 §11).
    @Test(arguments: [
        ("password", "salt", 1, 32, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, 32, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        (
            "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40,
            "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
        ),
        ("pass\0word", "sa\0lt", 4096, 16, "89b69d0516f829893c696226650a8687"),
        (
            "passwd", "salt", 1, 64,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        ),
    ])
    func pbkdf2MatchesPublishedVectors(password: String, salt: String, iterations: Int, length: Int, expected: String) {
        let key = AdminPINHash.derive(Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, byteCount: length)
        #expect(key.map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test func hashRoundTripsThroughItsStringAndMatchesOnlyThePIN() throws {
        let hash = try AdminPINHash(hashing: "246810")
        let text = hash.description
        #expect(text.hasPrefix("pbkdf2-sha256$210000$"))
        let parsed = try AdminPINHash(parsing: text)
        #expect(parsed == hash)
        #expect(parsed.matches("246810"))
        #expect(!parsed.matches("246811"))
        #expect(!parsed.matches("24681"))
        #expect(!parsed.matches(""))
    }

    @Test func twoHashesOfOnePINDifferBySalt() throws {
        let first = try AdminPINHash(hashing: "1234")
        let second = try AdminPINHash(hashing: "1234")
        #expect(first.salt != second.salt)
        #expect(first.description != second.description)
    }

    @Test(arguments: ["", "123", "1234567890123", "12a4", "１２３４", "1234 "])
    func pinOutsideFourToTwelveDigitsIsRefused(pin: String) {
        #expect(throws: AdminPINHashError.invalidPIN) { try AdminPINHash(hashing: pin) }
    }

    @Test(arguments: [
        "",
        "1234",
        "pbkdf2-sha1$210000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 43) + "=",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 43) + "=",
        "pbkdf2-sha256$lots$c2FsdHNhbHQ=$" + String(repeating: "A", count: 43) + "=",
        "pbkdf2-sha256$210000$!!!$" + String(repeating: "A", count: 43) + "=",
        "pbkdf2-sha256$210000$c2Fs$" + String(repeating: "A", count: 43) + "=",
        "pbkdf2-sha256$210000$c2FsdHNhbHQ=$AAAA",
        "pbkdf2-sha256$210000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 43) + "=$extra",
    ])
    func malformedHashStringsAreRefusedWithAReason(text: String) {
        #expect {
            try AdminPINHash(parsing: text)
        } throws: { error in
            guard let error = error as? AdminPINHashError, case .malformed(let reason) = error else { return false }
            return !reason.isEmpty && error.description.contains("hadirctl admin-pin-hash")
        }
    }

    @Test func wellFormedStringParses() throws {
        let text = "pbkdf2-sha256$210000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 43) + "="
        let hash = try AdminPINHash(parsing: text)
        #expect(hash.iterations == 210_000)
        #expect(hash.salt == Array("saltsalt".utf8))
        #expect(hash.hash.count == 32)
        #expect(hash.description == text)
    }
}
