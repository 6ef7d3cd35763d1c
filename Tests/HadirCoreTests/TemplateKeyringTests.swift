import Testing

@testable import HadirCore

@Suite struct TemplateKeyringTests {
    let template: [UInt8] = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7) }

    @Test func sealedTemplateOpensForItsEmployeeOnly() throws {
        let keyring = TemplateKeyring()
        let sealed = keyring.seal(template, pin: "1001")
        #expect(TemplateKeyring.isSealed(sealed))
        #expect(TemplateKeyring.keyID(of: sealed) == 1)
        #expect(sealed.count == template.count + 5 + 4 + 12 + 16)
        #expect(try keyring.open(sealed, pin: "1001") == template)
        #expect(throws: TemplateKeyring.Failure.unreadable) { try keyring.open(sealed, pin: "1002") }
    }

    @Test func sealingTwiceGivesDifferentBytes() {
        let keyring = TemplateKeyring()
        #expect(keyring.seal(template, pin: "1001") != keyring.seal(template, pin: "1001"))
    }

    @Test func damagedOrForeignBytesAreRefused() throws {
        let keyring = TemplateKeyring()
        var sealed = keyring.seal(template, pin: "1001")
        sealed[40] ^= 0x01
        #expect(throws: TemplateKeyring.Failure.unreadable) { try keyring.open(sealed, pin: "1001") }
        #expect(throws: TemplateKeyring.Failure.notSealed) { try keyring.open(template, pin: "1001") }
        #expect(throws: TemplateKeyring.Failure.unreadable) { try TemplateKeyring().open(keyring.seal(template, pin: "1"), pin: "1") }
        var other = TemplateKeyring()
        other.rotate()
        other.dropInactiveKeys()
        #expect(throws: TemplateKeyring.Failure.unknownKey(1)) { try other.open(keyring.seal(template, pin: "1"), pin: "1") }
        #expect(!TemplateKeyring.isSealed([]))
        #expect(!TemplateKeyring.isSealed(TemplateKeyring.magic))
    }

    @Test func rotationKeepsOldTemplatesOpenUntilInactiveKeysAreDropped() throws {
        var keyring = TemplateKeyring()
        let old = keyring.seal(template, pin: "1001")
        keyring.rotate()
        #expect(keyring.activeID == 2)
        let new = keyring.seal(template, pin: "1001")
        #expect(TemplateKeyring.keyID(of: new) == 2)
        #expect(try keyring.open(old, pin: "1001") == template)
        keyring.dropInactiveKeys()
        #expect(throws: TemplateKeyring.Failure.unknownKey(1)) { try keyring.open(old, pin: "1001") }
        #expect(try keyring.open(new, pin: "1001") == template)
    }

    @Test func storedKeysAreValidated() {
        #expect(throws: TemplateKeyring.Failure.self) { try TemplateKeyring(keys: [1: [UInt8](repeating: 0, count: 32)], activeID: 2) }
        #expect(throws: TemplateKeyring.Failure.self) { try TemplateKeyring(keys: [1: [1, 2, 3]], activeID: 1) }
    }

    @Test func descriptionNeverShowsAKey() {
        let keyring = TemplateKeyring()
        let key = keyring.keys[1] ?? []
        #expect(!keyring.description.contains(key.map { String($0) }.joined(separator: ", ")))
        #expect(keyring.description == "TemplateKeyring(active 1, 1 key(s))")
    }
}
