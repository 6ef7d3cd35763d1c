/// One fingerprint template entry of the FCT 2 bulk buffer (spec §6): uint16 (length + 6),
/// uint16 uid, int8 finger, int8 valid, template bytes.
public struct ZKTemplateEntry: Sendable, Equatable {
    /// The largest template an entry can hold: its size field is a uint16 that includes 6 header bytes.
    public static let maximumTemplateLength = Int(UInt16.max) - headerLength
    /// The bytes before the template: size, uid, finger, valid.
    public static let headerLength = 6

    /// The owner's slot number.
    public var uid: UInt16
    /// The finger index 0…9.
    public var finger: UInt8
    /// 1 valid, 0 invalid, 3 duress.
    public var valid: UInt8
    /// The opaque template bytes.
    public var template: [UInt8]

    /// An entry from its fields.
    public init(uid: UInt16, finger: UInt8, valid: UInt8 = 1, template: [UInt8]) {
        self.uid = uid
        self.finger = finger
        self.valid = valid
        self.template = template
    }

    /// The bytes `encode(into:)` appends.
    public var encodedLength: Int { Self.headerLength + min(template.count, Self.maximumTemplateLength) }

    /// Appends the entry (`encodedLength` bytes).
    ///
    /// A template longer than `maximumTemplateLength` (real ones are 1–2 KB) is cut there, so the
    /// size field always matches the bytes written: pyzk loops or crashes when the sizes do not
    /// add up, which would cost every other template in the download.
    public func encode(into buffer: inout [UInt8]) {
        let count = min(template.count, Self.maximumTemplateLength)
        ZKLittleEndian.append(UInt16(count + Self.headerLength), to: &buffer)
        ZKLittleEndian.append(uid, to: &buffer)
        buffer.append(finger)
        buffer.append(valid)
        buffer.append(contentsOf: template[0..<count])
    }

    /// Splits the records of an FCT 2 buffer (without its uint32 prefix) into entries (for tests
    /// and tools); throws when a size field is below 6 or runs past the end.
    public static func decodeAll(_ records: [UInt8]) throws(ZKRecordError) -> [ZKTemplateEntry] {
        var entries: [ZKTemplateEntry] = []
        var index = 0
        while index < records.count {
            guard records.count - index >= headerLength else {
                throw .wrongLength(what: "template entry header", expected: [headerLength], actual: records.count - index)
            }
            let size = Int(ZKLittleEndian.uint16(records, at: index))
            guard size >= headerLength, index + size <= records.count else {
                throw .invalidField(what: "template entry size", reason: "\(size) at offset \(index) does not fit")
            }
            entries.append(
                ZKTemplateEntry(
                    uid: ZKLittleEndian.uint16(records, at: index + 2),
                    finger: records[index + 4],
                    valid: records[index + 5],
                    template: Array(records[(index + headerLength)..<(index + size)])))
            index += size
        }
        return entries
    }
}
