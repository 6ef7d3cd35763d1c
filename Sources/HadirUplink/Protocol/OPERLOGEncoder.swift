import HadirCore

/// Encodes the lines of an OPERLOG upload (`POST /iclock/cdata?table=OPERLOG`), reference §2: user
/// records and fingerprint templates (answers to `DATA QUERY USERINFO` / `FINGERTMP`, or changes made
/// at the kiosk) and operation log entries.
///
/// Each line starts with its type word and a space, then TAB-separated fields. A TAB, CR or LF inside
/// a value would split the record, so it becomes a space.
public enum OPERLOGEncoder {
    /// `USER PIN=…\tName=…\tPri=…\tPasswd=…\tCard=…\tGrp=…\tTZ=…\tVerify=…` (Verify -1 = the group's mode).
    public static func userLine(_ user: ADMSUserRecord) -> String {
        "USER "
            + [
                "PIN=" + user.pin.rawValue, "Name=" + clean(user.name), "Pri=" + String(user.privilege), "Passwd=" + clean(user.password),
                "Card=" + clean(user.card), "Grp=" + String(user.group), "TZ=" + clean(user.timeZones),
                "Verify=" + String(user.verifyMode ?? -1),
            ].joined(separator: "\t")
    }

    /// `FP PIN=…\tFID=…\tSize=…\tValid=…\tTMP=<base64>`, where Size is the length of the base64 text
    /// (ZKTeco's definition).
    public static func fingerprintLine(pin: EmployeePIN, fingerIndex: Int, template: [UInt8], valid: Int = 1) -> String {
        let base64 = ADMSBase64.encode(template)
        return "FP "
            + [
                "PIN=" + pin.rawValue, "FID=" + String(fingerIndex), "Size=" + String(base64.utf8.count), "Valid=" + String(valid),
                "TMP=" + base64,
            ].joined(separator: "\t")
    }

    /// `OPLOG <OpType>\t<Operator>\t<Time>\t<Obj1>\t<Obj2>\t<Obj3>\t<Reserved>`; nil when the time has
    /// no four-digit-year rendering.
    public static func operationLine(_ entry: ADMSOperationLogEntry) -> String? {
        guard let time = ADMSLocalTime.format(entry.time) else { return nil }
        return "OPLOG "
            + [
                String(entry.type.rawValue), clean(entry.operatorID), time, clean(entry.object1), clean(entry.object2),
                clean(entry.object3),
                clean(entry.reserved),
            ].joined(separator: "\t")
    }

    /// An upload body: the lines joined with LF.
    public static func body(_ lines: [String]) -> String { lines.joined(separator: "\n") }

    static func clean(_ value: String) -> String { ADMSKeyValue.sanitized(value, forbidding: ["\t"]) }
}

/// ZKTeco's operation codes for OPLOG lines (reference §2; the full list is ZKTeco's appendix 3).
public struct ADMSOperationType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int

    /// Any operation code, including those without a named constant.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let enrollFingerprint = ADMSOperationType(rawValue: 6)
    public static let deleteUser = ADMSOperationType(rawValue: 9)
    public static let deleteFingerprint = ADMSOperationType(rawValue: 10)
    public static let clearData = ADMSOperationType(rawValue: 13)
    public static let setTime = ADMSOperationType(rawValue: 21)
    public static let enrollUser = ADMSOperationType(rawValue: 30)
}

/// One operation log entry: who did what to which object, at a device-local time.
public struct ADMSOperationLogEntry: Hashable, Sendable {
    public var type: ADMSOperationType
    /// The operator's PIN; `0` when the operation was not done by an enrolled administrator.
    public var operatorID: String
    public var time: LocalDateTime
    /// Operands; for enrol/delete they are the user's PIN, then finger number, then template length.
    public var object1: String
    public var object2: String
    public var object3: String
    public var reserved: String

    /// An entry; operator and operands default to `0`, as ZKTeco devices send for unused fields.
    public init(
        type: ADMSOperationType, operatorID: String = "0", time: LocalDateTime, object1: String = "0", object2: String = "0",
        object3: String = "0", reserved: String = "0"
    ) {
        self.type = type
        self.operatorID = operatorID
        self.time = time
        self.object1 = object1
        self.object2 = object2
        self.object3 = object3
        self.reserved = reserved
    }
}
