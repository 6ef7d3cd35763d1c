import HadirCore
import HadirPull
import Testing

struct ZKUserTests {
    static func encoded72(_ user: ZKUser) -> [UInt8] {
        var buffer: [UInt8] = []
        user.encode72(into: &buffer)
        return buffer
    }

    static func encoded28(_ user: ZKUser) -> [UInt8] {
        var buffer: [UInt8] = []
        user.encode28(into: &buffer)
        return buffer
    }

    @Test func user72RoundTripsEveryField() throws {
        let user = ZKUser(
            uid: 32_767, privilege: 14, password: "12345678", name: "Siti Aminah", card: 0xDEAD_BEEF, group: 3, userID: "1987654321")
        let bytes = Self.encoded72(user)
        #expect(bytes.count == ZKUser.size72)
        #expect(try ZKUser.decode(bytes) == user)
    }

    @Test func user72UsesTheSpecLayout() {
        let user = ZKUser(uid: 0x0102, privilege: 2, password: "pw", name: "Budi", card: 0x0A0B_0C0D, group: 1, userID: "42")
        let bytes = Self.encoded72(user)
        #expect(Array(bytes[0..<3]) == [0x02, 0x01, 2])
        #expect(Array(bytes[3..<11]) == ProtocolHex.field("pw", width: 8))
        #expect(Array(bytes[11..<35]) == ProtocolHex.field("Budi", width: 24))
        #expect(Array(bytes[35..<39]) == [0x0D, 0x0C, 0x0B, 0x0A])
        #expect(bytes[39] == 1)
        #expect(Array(bytes[40..<48]) == ProtocolHex.zeros(8))
        #expect(Array(bytes[48..<72]) == ProtocolHex.field("42", width: 24))
    }

    @Test func defaultsMatchWhatPyzkSends() {
        let user = ZKUser(uid: 1, name: "A", userID: "1")
        #expect(user.privilege == 0)
        #expect(user.password.isEmpty)
        #expect(user.card == 0)
        #expect(user.group == 1)
    }

    @Test func user28DecodesAsPyzkPacksIt() throws {
        // struct.pack('<HB5s8sIxBhI', 7, 0, b'123', b'Dewi', 4242, 1, 0, 20_240_001)
        var bytes: [UInt8] = [7, 0, 0] + Array("123".utf8) + [0, 0]
        bytes += Array("Dewi".utf8) + [0, 0, 0, 0]
        bytes += [0x92, 0x10, 0, 0]  // card 4242
        bytes += [0, 1, 0, 0]  // pad, group, timezone
        bytes += [0x81, 0xD6, 0x34, 0x01]  // 20,240,001
        #expect(bytes.count == ZKUser.size28)
        let user = try ZKUser.decode(bytes)
        #expect(user == ZKUser(uid: 7, privilege: 0, password: "123", name: "Dewi", card: 4242, group: 1, userID: "20240001"))
    }

    @Test func user28RoundTripsNumericIDsAndShortFields() throws {
        let user = ZKUser(uid: 9, privilege: 6, password: "54321", name: "Ahmad S", card: 77, group: 2, userID: "4294967295")
        let bytes = Self.encoded28(user)
        #expect(bytes.count == ZKUser.size28)
        #expect(try ZKUser.decode(bytes) == user)
    }

    @Test func user28CutsLongFieldsAndZeroesNonNumericIDs() throws {
        let user = ZKUser(uid: 9, password: "1234567", name: "Muhammad Rizki", userID: "A-17")
        let decoded = try ZKUser.decode(Self.encoded28(user))
        #expect(decoded.password == "12345")
        #expect(decoded.name == "Muhammad")
        #expect(decoded.userID == "0")
    }

    @Test func rejectsPayloadsThatAreNeither72Nor28Bytes() {
        for length in [0, 1, 27, 29, 40, 71, 73, 144] {
            #expect(throws: ZKRecordError.wrongLength(what: "USER_WRQ user", expected: [72, 28], actual: length)) {
                try ZKUser.decode([UInt8](repeating: 0x31, count: length))
            }
        }
    }

    @Test func namesOf23And24BytesAreKeptWhole() throws {
        let name23 = String(repeating: "a", count: 21) + "é"  // 21 + 2 bytes
        let name24 = String(repeating: "b", count: 22) + "é"  // 22 + 2 bytes
        for name in [name23, name24] {
            let user = ZKUser(uid: 1, name: name, userID: "1")
            #expect(try ZKUser.decode(Self.encoded72(user)).name == name)
        }
    }

    @Test func longerNamesAreCutOnCharacterBoundaries() throws {
        let cases: [(name: String, kept: String)] = [
            // 23 ASCII bytes, then "é" (2 bytes) would make 25: it is dropped whole.
            (String(repeating: "a", count: 23) + "é", String(repeating: "a", count: 23)),
            // 21 bytes of "Nur Aisyah Rahmawati " and an emoji of 4 bytes: 25, emoji dropped.
            ("Nur Aisyah Rahmawati 😀", "Nur Aisyah Rahmawati "),
            // 20 bytes, then an emoji (4 bytes) fits exactly.
            ("Siti Nurhaliza Putri😀x", "Siti Nurhaliza Putri😀"),
            // "é" written as e + combining acute must not lose its accent.
            (String(repeating: "c", count: 22) + "e\u{301}", String(repeating: "c", count: 22)),
            ("Dédé Suryadi Wijayakusuma", "Dédé Suryadi Wijayakus"),  // 6 + 9 + 9 bytes
        ]
        for (name, kept) in cases {
            let bytes = Self.encoded72(ZKUser(uid: 1, name: name, userID: "1"))
            let decoded = try ZKUser.decode(bytes)
            #expect(decoded.name == kept, "\(name)")
            #expect(decoded.name.utf8.count <= 24)
            #expect(!decoded.name.contains("\u{FFFD}"))
        }
    }

    @Test func passwordsAndUserIDsAreCutToTheirFields() throws {
        let user = ZKUser(uid: 1, password: "123456789", name: "X", userID: String(repeating: "9", count: 30))
        let decoded = try ZKUser.decode(Self.encoded72(user))
        #expect(decoded.password == "12345678")
        #expect(decoded.userID == String(repeating: "9", count: 24))
    }

    @Test func aCharacterCutShortAtTheEndIsDropped() throws {
        var bytes = Self.encoded72(ZKUser(uid: 5, name: "", userID: "5"))
        // "Jos" then the first byte of "é" (C3), as pyzk's blind byte cut leaves it, then NUL.
        bytes.replaceSubrange(11..<15, with: [0x4A, 0x6F, 0x73, 0xC3])
        let user = try ZKUser.decode(bytes)
        #expect(user.name == "Jos")
        #expect(user.uid == 5)
    }

    @Test func invalidUTF8InsideANameIsRepairedNotRejected() throws {
        var bytes = Self.encoded72(ZKUser(uid: 5, name: "", userID: "5"))
        bytes.replaceSubrange(11..<15, with: [0x4A, 0xC3, 0x6F, 0x73])
        #expect(try ZKUser.decode(bytes).name == "J\u{FFFD}os")
    }

    @Test func textEndsAtTheFirstNul() throws {
        var bytes = Self.encoded72(ZKUser(uid: 5, name: "Rina", userID: "5"))
        bytes[13] = 0  // "Ri\0a"
        #expect(try ZKUser.decode(bytes).name == "Ri")
    }

    @Test func truncatedUTF8NeverSplitsACharacter() {
        var rng = SplitMix64(seed: 72)
        let alphabet: [Character] = ["a", "Z", " ", "é", "e\u{301}", "ß", "ع", "中", "😀", "👍🏽", "🇮🇩", "👩‍👩‍👧"]
        for _ in 0..<1000 {
            let text = String((0..<rng.count(in: 0...30)).map { _ in alphabet.randomElement(using: &rng)! })
            let limit = rng.count(in: 0...30)
            let bytes = ZKUser.truncatedUTF8(text, maxBytes: limit)
            #expect(bytes.count <= limit)
            let decoded = String(decoding: bytes, as: UTF8.self)
            #expect(Array(decoded.utf8) == bytes)
            #expect(text.hasPrefix(decoded))
            #expect(Array(text).starts(with: Array(decoded)))
            // Maximal: the next character would not have fitted.
            let next = text.dropFirst(decoded.count).first
            if let next { #expect(bytes.count + next.utf8.count > limit) }
        }
        #expect(ZKUser.truncatedUTF8("abc", maxBytes: -1).isEmpty)
    }

    @Test func recordErrorsDescribeThemselves() {
        let error = ZKRecordError.wrongLength(what: "USER_WRQ user", expected: [72, 28], actual: 5)
        #expect(error.description == "USER_WRQ user has 5 bytes, expected 72 or 28")
        #expect(ZKRecordError.invalidField(what: "time", reason: "bad").description == "time is invalid: bad")
    }
}
