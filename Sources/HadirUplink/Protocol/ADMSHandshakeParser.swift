/// Parses the body of a handshake reply (`GET /iclock/cdata?…&options=all`), reference §1.
///
/// Tolerant of what servers actually send: any mix of CR and LF line ends, trailing blanks, no final
/// newline, a UTF-8 BOM, `GET OPTION FROM:` with or without a space (and with or without the serial),
/// keys in any letter case, legacy `Stamp`/`OpStamp`/`PhotoStamp`. Unknown keys are kept in
/// ``ADMSServerOptions/unknownKeys``; unusable values of known keys keep the default and are listed in
/// ``ADMSServerOptions/rejectedValues``.
public enum ADMSHandshakeParser {
    /// A real option list is well under 1 KiB; anything past this is not a handshake reply.
    public static let maximumBodyBytes = 64 * 1024
    /// At most this many unknown keys (and rejected values) are kept, so a hostile body cannot bloat logs.
    public static let maximumRecordedKeys = 32

    /// Parses a reply body given as raw bytes.
    public static func parse(_ body: some Collection<UInt8>) throws(ADMSHandshakeError) -> ADMSHandshakeReply {
        guard body.count <= maximumBodyBytes else { throw .bodyTooLarge(byteCount: body.count) }
        let lines = ADMSBytes.lines(ADMSBytes.droppingByteOrderMark(Array(body)[...]))
            .map(ADMSBytes.trimmed)
            .filter { !$0.isEmpty }
        guard let firstLine = lines.first else { throw .emptyBody }

        var state = State()
        var sawHeader = false
        var sawOK = false
        for line in lines {
            if isRetry(line) { return .retry(reason: ADMSBytes.excerpt(line)) }
            if let serial = headerSerial(line) {
                sawHeader = true
                state.options.echoedSerialNumber = serial.isEmpty ? nil : ADMSBytes.string(serial.prefix(64))
            } else if let equals = line.firstIndex(of: ADMSBytes.equals) {
                state.apply(key: ADMSBytes.trimmed(line[..<equals]), value: ADMSBytes.trimmed(line[(equals + 1)...]))
            } else if ADMSBytes.upper(line) == "OK" {
                sawOK = true
            }
        }
        if sawHeader || state.recognisedKeys > 0 { return .options(state.options) }
        if sawOK { return .useDefaults }
        throw .unrecognisedBody(excerpt: ADMSBytes.excerpt(firstLine))
    }

    /// Parses a reply body given as text.
    public static func parse(_ body: String) throws(ADMSHandshakeError) -> ADMSHandshakeReply {
        try parse(Array(body.utf8))
    }

    /// `UNKNOWN DEVICE…`, or `RETRY` not followed by a letter or digit (so a key such as
    /// `RetryCount=3` is not mistaken for a retry request).
    static func isRetry(_ line: ArraySlice<UInt8>) -> Bool {
        if ADMSBytes.hasPrefix(line, caseInsensitive: "UNKNOWN DEVICE") { return true }
        guard ADMSBytes.hasPrefix(line, caseInsensitive: "RETRY") else { return false }
        let next = line.dropFirst(5).first
        return next.map { !ADMSBytes.isASCIIAlphanumeric($0) && $0 != UInt8(ascii: "_") } ?? true
    }

    /// The serial after `GET OPTION FROM` (`:` optional, blanks optional), or nil for other lines.
    static func headerSerial(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let prefix = "GET OPTION FROM"
        guard ADMSBytes.hasPrefix(line, caseInsensitive: prefix) else { return nil }
        var rest = ADMSBytes.trimmed(line.dropFirst(prefix.utf8.count))
        if rest.first == ADMSBytes.colon { rest = ADMSBytes.trimmed(rest.dropFirst()) }
        return rest
    }

    /// The options being built, plus bookkeeping for key precedence.
    struct State {
        var options = ADMSServerOptions()
        var recognisedKeys = 0
        /// Tables whose modern `<TABLE>Stamp` key was seen: it wins over the legacy spelling.
        var modernStamps: Set<String> = []

        mutating func apply(key keyBytes: ArraySlice<UInt8>, value valueBytes: ArraySlice<UInt8>) {
            let key = ADMSBytes.upper(keyBytes)
            let value = ADMSBytes.string(valueBytes)
            recognisedKeys += 1
            switch key {
            case "ATTLOGSTAMP", "OPERLOGSTAMP", "ATTPHOTOSTAMP":
                modernStamps.insert(key)
                setStamp(table: key, ADMSStamp(parsing: value))
            case "STAMP", "OPSTAMP", "PHOTOSTAMP":
                let modern = ["STAMP": "ATTLOGSTAMP", "OPSTAMP": "OPERLOGSTAMP", "PHOTOSTAMP": "ATTPHOTOSTAMP"][key] ?? key
                if !modernStamps.contains(modern) { setStamp(table: modern, ADMSStamp(parsing: value)) }
            case "ERRORDELAY":
                setInteger(value, key: keyBytes, range: ADMSServerOptions.errorDelayRange) { $0.errorDelaySeconds = $1 }
            case "DELAY":
                setInteger(value, key: keyBytes, range: ADMSServerOptions.delayRange) { $0.delaySeconds = $1 }
            case "TRANSINTERVAL":
                setInteger(value, key: keyBytes, range: ADMSServerOptions.transIntervalRange) { $0.transIntervalMinutes = $1 }
            case "TRANSTIMES":
                options.transTimes = ADMSTransTimes.minutes(parsing: value)
                if options.transTimes.isEmpty && !valueBytes.isEmpty { reject(keyBytes, valueBytes) }
            case "TRANSFLAG":
                options.transTables = ADMSTransFlag.tables(parsing: value)
                if options.transTables == nil && !valueBytes.isEmpty { reject(keyBytes, valueBytes) }
            case "TIMEZONE":
                options.timeZoneOffsetMinutes = ADMSTimeZone.offsetMinutes(parsing: value)
                if options.timeZoneOffsetMinutes == nil { reject(keyBytes, valueBytes) }
            case "REALTIME":
                if let flag = Self.flag(valueBytes) { options.realtime = flag } else { reject(keyBytes, valueBytes) }
            case "PUSHOPTIONSFLAG":
                if let flag = Self.flag(valueBytes) { options.pushOptionsRequested = flag } else { reject(keyBytes, valueBytes) }
            case "PUSHOPTIONS":
                options.pushOptionKeys = valueBytes.split(separator: ADMSBytes.comma).prefix(64)
                    .map(ADMSBytes.trimmed).filter { !$0.isEmpty }.map { ADMSBytes.string($0.prefix(64)) }
            case "SERVERVER":
                options.serverVersion = ADMSBytes.string(valueBytes.prefix(32))
            case "PUSHPROTVER":
                options.pushProtocolVersion = ADMSBytes.string(valueBytes.prefix(32))
            case "ENCRYPT":
                options.encryption = ADMSBytes.string(valueBytes.prefix(32))
            default:
                recognisedKeys -= 1
                if key.hasSuffix("STAMP"), key.utf8.count > 5, key.utf8.count <= 37, options.otherStamps.count < 16,
                    keyBytes.dropLast(5).allSatisfy(ADMSBytes.isASCIIAlphanumeric)
                {
                    recognisedKeys += 1
                    options.otherStamps[String(key.dropLast(5))] = ADMSStamp(parsing: value)
                } else if options.unknownKeys.count < maximumRecordedKeys {
                    options.unknownKeys.append(ADMSBytes.excerpt(keyBytes, limit: 64))
                }
            }
        }

        private mutating func setStamp(table key: String, _ stamp: ADMSStamp) {
            switch key {
            case "ATTLOGSTAMP": options.attlogStamp = stamp
            case "OPERLOGSTAMP": options.operlogStamp = stamp
            default: options.attphotoStamp = stamp
            }
        }

        private mutating func setInteger(
            _ value: String, key: ArraySlice<UInt8>, range: ClosedRange<Int>, _ assign: (inout ADMSServerOptions, Int) -> Void
        ) {
            guard let number = ADMSBytes.integer(value) else { return reject(key, Array(value.utf8)[...]) }
            assign(&options, min(max(number, range.lowerBound), range.upperBound))
        }

        private mutating func reject(_ key: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>) {
            guard options.rejectedValues.count < maximumRecordedKeys else { return }
            options.rejectedValues.append(ADMSBytes.excerpt(key, limit: 32) + "=" + ADMSBytes.excerpt(value, limit: 48))
        }

        /// `1`/`0` as the reference uses, plus `true`/`false`, `yes`/`no`, `on`/`off`.
        static func flag(_ value: ArraySlice<UInt8>) -> Bool? {
            switch ADMSBytes.upper(value) {
            case "1", "TRUE", "YES", "ON": true
            case "0", "FALSE", "NO", "OFF": false
            default: nil
            }
        }
    }
}
