/// One user as the ZK protocol carries it (spec §6).
public struct ZKUser: Sendable, Equatable {
    /// The device's internal slot number (1…32767; pyzk packs it as int16 for deletes).
    public var uid: UInt16
    /// Bit 0 disabled; bits 1–3 role: 0 user, 2 enroller, 6 manager, 14 admin.
    public var privilege: UInt8
    /// The keypad password (at most 8 bytes in the 72-byte format).
    public var password: String
    /// The display name (at most 24 UTF-8 bytes on the wire).
    public var name: String
    /// The RFID card number, 0 for none.
    public var card: UInt32
    /// The access group; devices send 1.
    public var group: UInt8
    /// The PIN the employee is known by (at most 24 bytes; pyzk parses unknown ones with `int()`).
    public var userID: String

    /// A user; the defaults are what pyzk's `set_user` sends.
    public init(
        uid: UInt16, privilege: UInt8 = 0, password: String = "", name: String, card: UInt32 = 0, group: UInt8 = 1,
        userID: String
    ) {
        self.uid = uid
        self.privilege = privilege
        self.password = password
        self.name = name
        self.card = card
        self.group = group
        self.userID = userID
    }

    /// The byte length of the 72-byte (TFT) user format, the one to send.
    public static let size72 = 72
    /// The byte length of the old 28-byte user format pyzk writes over UDP before reading users.
    public static let size28 = 28

    /// Appends exactly 72 bytes: uid, privilege, password[8], name[24], card, group, 7 zeros,
    /// 1 ignored byte (0), user_id[24]. Strings are cut on character boundaries and zero-padded.
    public func encode72(into buffer: inout [UInt8]) {
        ZKLittleEndian.append(uid, to: &buffer)
        buffer.append(privilege)
        ZKFixedText.append(password, width: 8, to: &buffer)
        ZKFixedText.append(name, width: 24, to: &buffer)
        ZKLittleEndian.append(card, to: &buffer)
        buffer.append(group)
        ZKFixedText.appendZeros(8, to: &buffer)  // 40...46 reserved, 47 ignored
        ZKFixedText.append(userID, width: 24, to: &buffer)
    }

    /// Appends exactly 28 bytes in the old format (for tests and tools: devices send 72 bytes).
    ///
    /// That format holds the user id as a uint32 number: a `userID` that is not a decimal number
    /// fitting 32 bits is written as 0. Password and name are cut to 5 and 8 bytes.
    public func encode28(into buffer: inout [UInt8]) {
        ZKLittleEndian.append(uid, to: &buffer)
        buffer.append(privilege)
        ZKFixedText.append(password, width: 5, to: &buffer)
        ZKFixedText.append(name, width: 8, to: &buffer)
        ZKLittleEndian.append(card, to: &buffer)
        buffer.append(0)  // pad
        buffer.append(group)
        ZKLittleEndian.append(UInt16(0), to: &buffer)  // timezone
        ZKLittleEndian.append(UInt32(userID) ?? 0, to: &buffer)
    }

    /// Decodes a USER_WRQ payload by its length: exactly 72 or 28 bytes.
    ///
    /// In the 28-byte format the user id is the uint32 at 24 rendered as decimal text and the
    /// group is at 21. Strings end at the first NUL; invalid UTF-8 is repaired (U+FFFD), not
    /// rejected, so a name another client cut mid-character does not lose the user.
    public static func decode(_ payload: [UInt8]) throws(ZKRecordError) -> ZKUser {
        switch payload.count {
        case size72:
            return ZKUser(
                uid: ZKLittleEndian.uint16(payload, at: 0),
                privilege: payload[2],
                password: ZKFixedText.decode(payload, at: 3, count: 8),
                name: ZKFixedText.decode(payload, at: 11, count: 24),
                card: ZKLittleEndian.uint32(payload, at: 35),
                group: payload[39],
                userID: ZKFixedText.decode(payload, at: 48, count: 24))
        case size28:
            return ZKUser(
                uid: ZKLittleEndian.uint16(payload, at: 0),
                privilege: payload[2],
                password: ZKFixedText.decode(payload, at: 3, count: 5),
                name: ZKFixedText.decode(payload, at: 8, count: 8),
                card: ZKLittleEndian.uint32(payload, at: 16),
                group: payload[21],
                userID: String(ZKLittleEndian.uint32(payload, at: 24)))
        default:
            throw .wrongLength(what: "USER_WRQ user", expected: [size72, size28], actual: payload.count)
        }
    }

    /// The UTF-8 bytes of `text` cut to at most `maxBytes` without splitting a character.
    ///
    /// Cuts between grapheme clusters, so "é" written as e + combining accent or an emoji with a
    /// skin tone is kept whole or dropped whole; a cluster that alone exceeds the room ends the text.
    public static func truncatedUTF8(_ text: String, maxBytes: Int) -> [UInt8] {
        let limit = max(0, maxBytes)
        if text.utf8.count <= limit { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit)
        for character in text {
            let utf8 = character.utf8
            guard bytes.count + utf8.count <= limit else { break }
            bytes.append(contentsOf: utf8)
        }
        return bytes
    }
}
