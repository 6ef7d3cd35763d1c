/// The 32-byte name field of ENROLL and of VERIFY/GET_USER_INFO replies: UTF-8, NUL-padded.
enum EFAAName {
    static let length = 32

    /// `name` cut to 32 bytes on a character boundary and padded with NUL.
    static func encode(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for character in name {
            let utf8 = Array(String(character).utf8)
            guard bytes.count + utf8.count <= length else { break }
            bytes += utf8
        }
        return bytes + Array(repeating: 0, count: length - bytes.count)
    }

    /// The text before the first NUL; bytes that are not UTF-8 become U+FFFD rather than an error,
    /// since a name never decides anything.
    static func decode<C: Collection>(_ field: C) -> String where C.Element == UInt8 {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
