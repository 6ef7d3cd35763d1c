/// What pyzk's `save_user_template` uploads (PREPARE_DATA/DATA, then command 110): a user and
/// that user's templates.
///
/// Layout: three uint32 lengths (user, table, templates); the user as `02` + a 72- or 28-byte
/// record; 8-byte table entries (`02`, uint16 uid, `0x10 + finger`, uint32 offset); templates as
/// uint16 length + bytes at those offsets.
public struct ZKUserTemplateUpload: Sendable, Equatable {
    public var user: ZKUser
    public var templates: [ZKTemplateEntry]

    public init(user: ZKUser, templates: [ZKTemplateEntry]) {
        self.user = user
        self.templates = templates
    }

    static let headerLength = 12
    static let tableEntryLength = 8

    /// Decodes an upload; every length and offset must stay inside the buffer.
    public static func decode(_ bytes: [UInt8]) throws(ZKRecordError) -> ZKUserTemplateUpload {
        guard bytes.count >= headerLength else {
            throw .wrongLength(what: "user-template upload", expected: [headerLength], actual: bytes.count)
        }
        let userLength = Int(ZKLittleEndian.uint32(bytes, at: 0))
        let tableLength = Int(ZKLittleEndian.uint32(bytes, at: 4))
        let templatesLength = Int(ZKLittleEndian.uint32(bytes, at: 8))
        let total = headerLength + userLength + tableLength + templatesLength
        guard userLength == ZKUser.size72 + 1 || userLength == ZKUser.size28 + 1, tableLength % tableEntryLength == 0,
            userLength <= bytes.count, tableLength <= bytes.count, templatesLength <= bytes.count, total == bytes.count
        else {
            throw .invalidField(
                what: "user-template upload",
                reason: "lengths \(userLength)/\(tableLength)/\(templatesLength) do not fit \(bytes.count) bytes")
        }
        let user = try ZKUser.decode(Array(bytes[(headerLength + 1)..<(headerLength + userLength)]))
        let tableStart = headerLength + userLength
        let templatesStart = tableStart + tableLength
        var templates: [ZKTemplateEntry] = []
        for entry in stride(from: tableStart, to: templatesStart, by: tableEntryLength) {
            let uid = ZKLittleEndian.uint16(bytes, at: entry + 1)
            let finger = bytes[entry + 3] &- 0x10
            let offset = Int(ZKLittleEndian.uint32(bytes, at: entry + 4))
            guard uid == user.uid, finger <= 9, offset + 2 <= templatesLength else {
                throw .invalidField(what: "user-template table", reason: "entry for uid \(uid), finger \(finger), offset \(offset)")
            }
            let start = templatesStart + offset
            let length = Int(ZKLittleEndian.uint16(bytes, at: start))
            guard length > 0, offset + 2 + length <= templatesLength else {
                throw .invalidField(what: "user-template table", reason: "template of \(length) bytes at offset \(offset)")
            }
            templates.append(ZKTemplateEntry(uid: uid, finger: finger, template: Array(bytes[(start + 2)..<(start + 2 + length)])))
        }
        return ZKUserTemplateUpload(user: user, templates: templates)
    }
}
