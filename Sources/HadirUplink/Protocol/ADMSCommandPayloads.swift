import HadirCore

/// A user record as `DATA UPDATE USERINFO` carries it and as the `USER` OPERLOG line reports it
/// (reference §2, §3). Values the kiosk does not use (card, group, access time zones) are kept so
/// they can be echoed back unchanged by `DATA QUERY USERINFO`.
public struct ADMSUserRecord: Hashable, Sendable {
    public var pin: EmployeePIN
    public var name: String
    /// `Pri`: 0 user, 2 registrar, 6 administrator, 10 user-defined, 14 super administrator.
    public var privilege: Int
    public var password: String
    public var card: String
    /// `Grp`: access group, 1 by default.
    public var group: Int
    /// `TZ`: sixteen digits naming access time periods; all zeros = the group's.
    public var timeZones: String
    /// `Verify`: verification mode; nil (sent as -1) = the group's mode.
    public var verifyMode: Int?

    /// A user record; the defaults are the protocol's (plain user, group 1, the group's time periods and mode).
    public init(
        pin: EmployeePIN, name: String, privilege: Int = 0, password: String = "", card: String = "", group: Int = 1,
        timeZones: String = ADMSUserRecord.groupTimeZones, verifyMode: Int? = nil
    ) {
        self.pin = pin
        self.name = name
        self.privilege = privilege
        self.password = password
        self.card = card
        self.group = group
        self.timeZones = timeZones
        self.verifyMode = verifyMode
    }

    /// A plain user for an employee the kiosk knows.
    public init(employee: Employee) {
        self.init(pin: employee.pin, name: employee.name)
    }

    /// The `TZ` value meaning "use the group's time periods".
    public static let groupTimeZones = "0000000000000000"
}

/// A fingerprint template as `DATA UPDATE FINGERTMP` (or legacy `DATA FP`) carries it.
public struct ADMSFingerTemplate: Hashable, Sendable {
    public var pin: EmployeePIN
    /// `FID`: finger number 0-9.
    public var fingerIndex: Int
    /// `Size` as declared; ZKTeco defines it as the length of the base64 text.
    public var declaredSize: Int?
    /// `Valid`: 0 invalid, 1 normal, 3 duress.
    public var valid: Int
    /// `TMP` decoded from base64.
    public var template: [UInt8]
    /// The length of the `TMP` text as received.
    public var base64Length: Int

    /// A template as received; `base64Length` is the length of its `TMP` text.
    public init(pin: EmployeePIN, fingerIndex: Int, declaredSize: Int?, valid: Int, template: [UInt8], base64Length: Int) {
        self.pin = pin
        self.fingerIndex = fingerIndex
        self.declaredSize = declaredSize
        self.valid = valid
        self.template = template
        self.base64Length = base64Length
    }

    /// False when `Size` was sent and matches neither the base64 length (the reference meaning) nor the
    /// decoded byte count (what some servers send). The executor answers -9 for a mismatch.
    public var declaredSizeMatches: Bool {
        guard let declaredSize else { return true }
        return declaredSize == base64Length || declaredSize == template.count
    }
}

/// A unified biometric template as `DATA UPDATE BIODATA` carries it (reference §2, §3).
public struct ADMSBiodata: Hashable, Sendable {
    public var pin: EmployeePIN
    /// `No`: for fingerprints the finger 0-9.
    public var number: Int
    /// `Index`: which template of that finger or face.
    public var index: Int
    /// `Valid`: 0 invalid, 1 normal.
    public var valid: Int
    /// `Duress`: 1 for a duress template.
    public var duress: Int
    /// `Type`: 1 fingerprint, 9 visible-light face, … (ZKTeco biometric type index).
    public var type: Int
    public var majorVersion: String
    public var minorVersion: String
    public var format: Int
    /// `Tmp` decoded from base64.
    public var template: [UInt8]

    /// A unified template with every field of the `BIODATA` record.
    public init(
        pin: EmployeePIN, number: Int, index: Int, valid: Int, duress: Int, type: Int, majorVersion: String, minorVersion: String,
        format: Int, template: [UInt8]
    ) {
        self.pin = pin
        self.number = number
        self.index = index
        self.valid = valid
        self.duress = duress
        self.type = type
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.format = format
        self.template = template
    }
}

/// The `StartTime`/`EndTime` range of `DATA QUERY ATTLOG` and `VERIFY SUM ATTLOG`, in device-local
/// wall time, both ends inclusive. A missing end is unbounded (a missing range means "all records").
public struct ADMSTimeRange: Hashable, Sendable {
    public var start: LocalDateTime?
    public var end: LocalDateTime?

    /// A range; nil ends are unbounded.
    public init(start: LocalDateTime?, end: LocalDateTime?) {
        self.start = start
        self.end = end
    }

    /// True when the local time lies within the range.
    public func contains(_ time: LocalDateTime) -> Bool {
        if let start, ADMSLocalTime.isBefore(time, start) { return false }
        if let end, ADMSLocalTime.isBefore(end, time) { return false }
        return true
    }

    /// True when the instant, shown as wall time at `zoneOffsetSeconds`, lies within the range.
    public func contains(utcMilliseconds: Int64, zoneOffsetSeconds: Int32) -> Bool {
        contains(LocalDateTime(utcMilliseconds: utcMilliseconds, offsetSeconds: zoneOffsetSeconds))
    }
}

/// The remote enrolment request of `ENROLL_FP`.
public struct ADMSEnrollFingerprint: Hashable, Sendable {
    public var pin: EmployeePIN
    /// `FID`: finger number 0-9.
    public var fingerIndex: Int
    /// `RETRY`: attempts allowed if enrolment fails (3 when absent).
    public var retries: Int
    /// `OVERWRITE`: replace an existing fingerprint instead of answering 2 (already exists).
    public var overwrite: Bool

    /// An enrolment request; the defaults are what servers mean when they leave the keys out.
    public init(pin: EmployeePIN, fingerIndex: Int, retries: Int = 3, overwrite: Bool = false) {
        self.pin = pin
        self.fingerIndex = fingerIndex
        self.retries = retries
        self.overwrite = overwrite
    }
}

/// The single `key=value` of `SET OPTION`, typed where Hadir acts on the key.
public enum ADMSOptionSetting: Hashable, Sendable {
    /// `DateTime=<compact time>`: set the clock to this local time.
    case dateTime(LocalDateTime)
    /// `AlarmReRec=<minutes>`: the duplicate-punch window (ZKTeco's unit is minutes).
    case duplicateWindow(minutes: Int)
    /// Any other option, as sent (key case preserved).
    case other(key: String, value: String)
}

/// Commands the kiosk recognises and always refuses with -1002 (reference §3): they would hand a
/// remote server a shell, the file system, or the firmware.
public enum ADMSRefusedCommand: String, Hashable, Sendable, CaseIterable {
    case shell = "SHELL"
    case getFile = "GetFile"
    case putFile = "PutFile"
    case upgrade = "UPGRADE"
}
