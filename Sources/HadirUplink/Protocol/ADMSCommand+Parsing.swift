import HadirCore

extension ADMSCommand {
    /// Parses the text after `C:<id>:` into a command, or into an error that carries `id` and the
    /// `CMD=` token so the caller can answer it (normally `Return=-1`).
    ///
    /// Command words compare case-insensitively. Text that is not a command of the reference table
    /// is `.unknown`, never an error: the kiosk answers it -1002 like any unsupported command.
    public static func parse(id: String, text: String) -> Result<ADMSCommand, ADMSCommandError> {
        parse(id: id, bytes: Array(text.utf8)[...])
    }

    static func parse(id: String, bytes: ArraySlice<UInt8>) -> Result<ADMSCommand, ADMSCommandError> {
        let outcome = ADMSCommandParser.parse(bytes)
        return outcome.result.mapError { ADMSCommandError(id: id, cmdToken: outcome.token, reason: $0) }
    }
}

/// The grammar of §3's command table. Each path returns the `CMD=` token it settled on, so even a
/// command with broken arguments can be answered with the right token.
enum ADMSCommandParser {
    typealias Outcome = (token: String, result: Result<ADMSCommand, ADMSCommandArgumentError>)

    static let userKeys: Set<String> = [
        "PIN", "NAME", "PRI", "PRIVILEGE", "PASSWD", "PASSWORD", "CARD", "CARDNO", "GRP", "GROUP", "TZ", "VERIFY", "VICECARD",
    ]
    static let fingerKeys: Set<String> = ["PIN", "FID", "FINGERID", "SIZE", "VALID", "TMP"]
    static let biodataKeys: Set<String> = ["PIN", "NO", "INDEX", "VALID", "DURESS", "TYPE", "MAJORVER", "MINORVER", "FORMAT", "TMP"]
    static let rangeKeys: Set<String> = ["STARTTIME", "ENDTIME"]
    static let enrollKeys: Set<String> = ["PIN", "FID", "RETRY", "OVERWRITE"]

    static func parse(_ raw: ArraySlice<UInt8>) -> Outcome {
        let text = ADMSBytes.trimmed(raw)
        var words = ADMSWordReader(text)
        guard let first = words.nextWord() else { return ("UNKNOWN", .failure(.emptyCommand)) }
        let unknown = ADMSCommand.unknown(ADMSBytes.string(text.prefix(ADMSCommand.maximumUnknownTextBytes)))
        let unknownOutcome: Outcome = (unknown.cmdToken, .success(unknown))
        let verb = ADMSBytes.upper(first)
        switch verb {
        case "DATA":
            return ("DATA", data(&words) ?? .success(unknown))
        case "CLEAR":
            switch words.nextWord().map(ADMSBytes.upper) {
            case "LOG": return ("CLEAR_LOG", .success(.clearLog))
            case "DATA": return ("CLEAR_DATA", .success(.clearData))
            case "BIODATA": return ("CLEAR_BIODATA", .success(.clearBiodata))
            default: return unknownOutcome
            }
        case "CHECK": return ("CHECK", .success(.check))
        case "LOG": return ("LOG", .success(.log))
        case "INFO": return ("INFO", .success(.info))
        case "REBOOT": return ("REBOOT", .success(.reboot))
        case "VERIFY":
            guard words.nextWord().map(ADMSBytes.upper) == "SUM", words.nextWord().map(ADMSBytes.upper) == "ATTLOG" else {
                return unknownOutcome
            }
            return ("VERIFY SUM", Result { () throws(ADMSCommandArgumentError) in .verifySumAttendance(try range(words.remainder)) })
        case "SET":
            guard words.nextWord().map(ADMSBytes.upper) == "OPTION" else { return unknownOutcome }
            return ("SET OPTION", Result { () throws(ADMSCommandArgumentError) in .setOption(try option(words.remainder)) })
        case "RELOAD":
            guard words.nextWord().map(ADMSBytes.upper) == "OPTIONS" else { return unknownOutcome }
            return ("RELOAD OPTIONS", .success(.reloadOptions))
        case "ENROLL_FP":
            return ("ENROLL_FP", Result { () throws(ADMSCommandArgumentError) in .enrollFingerprint(try enroll(words.remainder)) })
        default:
            if let refused = ADMSRefusedCommand.allCases.first(where: { $0.rawValue.uppercased() == verb }) {
                return (refused.rawValue, .success(.refused(refused)))
            }
            return unknownOutcome
        }
    }

    /// The DATA sub-commands; nil when the words name no sub-command of the table.
    static func data(_ words: inout ADMSWordReader) -> Result<ADMSCommand, ADMSCommandArgumentError>? {
        guard let verbWord = words.nextWord() else { return nil }
        let verb = ADMSBytes.upper(verbWord)
        let table: String
        switch verb {
        case "USER", "FP", "DEL_USER", "DEL_FP": table = ""
        case "UPDATE", "DELETE", "QUERY": table = words.nextWord().map(ADMSBytes.upper) ?? ""
        default: return nil
        }
        let arguments = words.remainder
        return Result { () throws(ADMSCommandArgumentError) -> ADMSCommand? in
            switch (verb, table) {
            case ("UPDATE", "USERINFO"), ("USER", _): .updateUser(try user(arguments))
            case ("UPDATE", "FINGERTMP"), ("FP", _): .updateFingerTemplate(try finger(arguments))
            case ("UPDATE", "BIODATA"): .updateBiodata(try biodata(arguments))
            case ("DELETE", "USERINFO"), ("DEL_USER", _):
                .deleteUser(pin: try ADMSArgumentReader(arguments, keys: ["PIN"]).requiredPIN())
            case ("DELETE", "FINGERTMP"), ("DEL_FP", _):
                try fingerSelection(arguments) { .deleteFingerTemplates(pin: $0, fingerIndex: $1) }
            case ("DELETE", "BIODATA"):
                try biodataSelection(arguments)
            case ("QUERY", "ATTLOG"): .queryAttendance(try range(arguments))
            case ("QUERY", "USERINFO"): .queryUsers(pin: try ADMSArgumentReader(arguments, keys: ["PIN"]).pin())
            case ("QUERY", "FINGERTMP"):
                try fingerSelection(arguments) { .queryFingerTemplates(pin: $0, fingerIndex: $1) }
            default: nil
            }
        }.flatMapOptional()
    }

    static func user(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSUserRecord {
        let reader = try ADMSArgumentReader(bytes, keys: userKeys)
        return ADMSUserRecord(
            pin: try reader.requiredPIN(),
            name: try reader.text(["NAME"], maximumBytes: 128) ?? "",
            privilege: try reader.integer(["PRI", "PRIVILEGE"], range: 0...255) ?? 0,
            password: try reader.text(["PASSWD", "PASSWORD"], maximumBytes: 32) ?? "",
            card: try reader.text(["CARD", "CARDNO"], maximumBytes: 32) ?? "",
            group: try reader.integer(["GRP", "GROUP"], range: 0...9999) ?? 1,
            timeZones: try reader.text(["TZ"], maximumBytes: 32).flatMap { $0.isEmpty ? nil : $0 } ?? ADMSUserRecord.groupTimeZones,
            verifyMode: try reader.integer(["VERIFY"], range: -1...255).flatMap { $0 < 0 ? nil : $0 })
    }

    static func finger(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSFingerTemplate {
        let reader = try ADMSArgumentReader(bytes, keys: fingerKeys)
        let pin = try reader.requiredPIN()
        guard let fingerIndex = try reader.integer(["FID", "FINGERID"], range: 0...9) else { throw .missing(key: "FID") }
        let template = try reader.template(["TMP"])
        return ADMSFingerTemplate(
            pin: pin, fingerIndex: fingerIndex, declaredSize: try reader.integer(["SIZE"], range: 0...Int(Int32.max)),
            valid: try reader.integer(["VALID"], range: 0...255) ?? 1, template: template.bytes, base64Length: template.length)
    }

    static func biodata(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSBiodata {
        let reader = try ADMSArgumentReader(bytes, keys: biodataKeys)
        let pin = try reader.requiredPIN()
        guard let type = try reader.integer(["TYPE"], range: 0...255) else { throw .missing(key: "TYPE") }
        return ADMSBiodata(
            pin: pin, number: try reader.integer(["NO"], range: 0...255) ?? 0, index: try reader.integer(["INDEX"], range: 0...255) ?? 0,
            valid: try reader.integer(["VALID"], range: 0...255) ?? 1, duress: try reader.integer(["DURESS"], range: 0...1) ?? 0,
            type: type,
            majorVersion: try reader.text(["MAJORVER"], maximumBytes: 16) ?? "",
            minorVersion: try reader.text(["MINORVER"], maximumBytes: 16) ?? "",
            format: try reader.integer(["FORMAT"], range: 0...255) ?? 0, template: try reader.template(["TMP"]).bytes)
    }

    static func fingerSelection(
        _ bytes: ArraySlice<UInt8>, _ make: (EmployeePIN, Int?) -> ADMSCommand
    ) throws(ADMSCommandArgumentError) -> ADMSCommand {
        let reader = try ADMSArgumentReader(bytes, keys: fingerKeys)
        return make(try reader.requiredPIN(), try reader.integer(["FID", "FINGERID"], range: 0...9))
    }

    static func biodataSelection(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSCommand {
        let reader = try ADMSArgumentReader(bytes, keys: biodataKeys)
        return .deleteBiodata(
            pin: try reader.requiredPIN(), type: try reader.integer(["TYPE"], range: 0...255),
            number: try reader.integer(["NO"], range: 0...255))
    }

    static func range(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSTimeRange {
        let reader = try ADMSArgumentReader(bytes, keys: rangeKeys)
        let range = ADMSTimeRange(start: try reader.localTime("STARTTIME"), end: try reader.localTime("ENDTIME"))
        if let start = range.start, let end = range.end, ADMSLocalTime.isBefore(end, start) { throw .invalidTimeRange }
        return range
    }

    static func enroll(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSEnrollFingerprint {
        let reader = try ADMSArgumentReader(bytes, keys: enrollKeys)
        let pin = try reader.requiredPIN()
        guard let fingerIndex = try reader.integer(["FID"], range: 0...9) else { throw .missing(key: "FID") }
        return ADMSEnrollFingerprint(
            pin: pin, fingerIndex: fingerIndex, retries: try reader.integer(["RETRY"], range: 0...99) ?? 3,
            overwrite: try reader.integer(["OVERWRITE"], range: 0...1).map { $0 == 1 } ?? false)
    }

    /// `SET OPTION key=value`: exactly one assignment (reference §3).
    static func option(_ bytes: ArraySlice<UInt8>) throws(ADMSCommandArgumentError) -> ADMSOptionSetting {
        let fields = bytes.split(separator: ADMSBytes.tab).map(ADMSBytes.trimmed).filter { !$0.isEmpty }
        guard fields.count <= 1 else { throw .multipleOptions(count: fields.count) }
        guard let field = fields.first, let equals = field.firstIndex(of: ADMSBytes.equals) else { throw .missing(key: "key=value") }
        let key = ADMSBytes.trimmed(field[..<equals])
        let value = ADMSBytes.trimmed(field[(equals + 1)...])
        guard !key.isEmpty else { throw .missing(key: "key=value") }
        guard key.count <= 64 else { throw .valueTooLong(key: ADMSBytes.excerpt(key, limit: 32), byteCount: key.count) }
        guard value.count <= 256 else { throw .valueTooLong(key: ADMSBytes.string(key), byteCount: value.count) }
        switch ADMSBytes.upper(key) {
        case "DATETIME":
            guard let time = try? ADMSCompactTime.decode(text: ADMSBytes.string(value)) else {
                throw .invalid(key: ADMSBytes.string(key), value: ADMSBytes.excerpt(value, limit: 32))
            }
            return .dateTime(time)
        case "ALARMREREC":
            guard let minutes = ADMSBytes.integer(value), (0...999).contains(minutes) else {
                throw .invalid(key: ADMSBytes.string(key), value: ADMSBytes.excerpt(value, limit: 32))
            }
            return .duplicateWindow(minutes: minutes)
        default:
            return .other(key: ADMSBytes.string(key), value: ADMSBytes.string(value))
        }
    }
}

extension Result {
    /// Turns a result holding an optional into an optional result (nil when it held nil).
    fileprivate func flatMapOptional<Wrapped>() -> Result<Wrapped, Failure>? where Success == Wrapped? {
        switch self {
        case .success(let value?): .success(value)
        case .success(nil): nil
        case .failure(let error): .failure(error)
        }
    }
}
