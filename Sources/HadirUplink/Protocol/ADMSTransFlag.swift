/// The handshake's `TransFlag=` value: which tables the server wants uploaded (reference §1).
///
/// Two formats exist. Format I is a digit string, one position per table (`1111000000`); format II
/// is `TransData` followed by table names separated by TABs or spaces. Both are reduced to a set of
/// upper-cased names (the constants below), so callers test one spelling.
public enum ADMSTransFlag {
    public static let attendanceLog = "ATTLOG"
    public static let operationLog = "OPLOG"
    public static let attendancePhoto = "ATTPHOTO"
    public static let enrollUser = "ENROLLUSER"
    public static let changeUser = "CHGUSER"
    public static let enrollFingerprint = "ENROLLFP"
    public static let changeFingerprint = "CHGFP"
    public static let fingerprintImage = "FPIMAG"
    public static let face = "FACE"
    public static let userPicture = "USERPIC"
    public static let workCode = "WORKCODE"
    public static let comparisonPhoto = "BIOPHOTO"

    /// Format I positions, in ZKTeco's order (position 1 = first digit).
    public static let digitPositions = [
        attendanceLog, operationLog, attendancePhoto, enrollFingerprint, enrollUser, fingerprintImage,
        changeUser, changeFingerprint, face, userPicture, workCode, comparisonPhoto,
    ]

    /// Tables whose records travel in an OPERLOG upload.
    public static let operationLogTables: Set<String> = [operationLog, enrollUser, changeUser, enrollFingerprint, changeFingerprint]

    /// The tables the value names, or nil when it should be treated as absent ("upload all").
    ///
    /// A digit string is honoured as sent, even all zeros. A name list that names no table this
    /// protocol knows (empty, `TransData` alone, garbage) gives nil: silently stopping attendance
    /// uploads because of a mangled value would be the worse failure.
    public static func tables(parsing value: String) -> Set<String>? {
        let bytes = ADMSBytes.trimmed(Array(value.utf8)[...])
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ (0x30...0x39).contains($0) }) {
            var tables = Set<String>()
            for (position, digit) in bytes.prefix(digitPositions.count).enumerated() where digit != UInt8(ascii: "0") {
                tables.insert(digitPositions[position])
            }
            return tables
        }
        let separators: Set<UInt8> = [ADMSBytes.space, ADMSBytes.tab, ADMSBytes.comma, UInt8(ascii: ";")]
        let names = bytes.split(whereSeparator: { separators.contains($0) }).prefix(64).map { ADMSBytes.upper($0) }
        let tables = Set(names.filter { $0 != "TRANSDATA" && $0.utf8.count <= 32 })
        return tables.isDisjoint(with: digitPositions) ? nil : tables
    }
}
