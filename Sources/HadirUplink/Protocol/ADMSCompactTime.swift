import HadirCore

/// ZKTeco's compact time (reference §4), used by `SET OPTION DateTime=<n>`:
/// `((year-2000)*372 + (month-1)*31 + (day-1))*86400 + h*3600 + m*60 + s`.
///
/// Every month is 31 days wide in this code, so many numbers decode to days that do not exist
/// (30 February); those are rejected rather than silently rolled into the next month.
public enum ADMSCompactTime {
    /// Years the code is used for: it has no meaning before 2000, and two-digit-year firmware stops at 2099.
    public static let years = 2000...2099

    /// The code of a local time; throws for times outside ``years`` or with impossible fields.
    public static func encode(_ time: LocalDateTime) throws(ADMSCompactTimeError) -> Int64 {
        guard years.contains(time.year), ADMSLocalTime.isValid(time) else { throw .invalidTime(time) }
        let days = Int64((time.year - 2000) * 372 + (time.month - 1) * 31 + (time.day - 1))
        return days * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second)
    }

    /// The local time a code stands for; throws for negative codes, codes past 2099 and impossible days.
    public static func decode(_ value: Int64) throws(ADMSCompactTimeError) -> LocalDateTime {
        let limit = Int64(years.count * 372) * 86_400
        guard value >= 0, value < limit else { throw .outOfRange(value) }
        let days = Int(value / 86_400)
        let seconds = Int(value % 86_400)
        let time = LocalDateTime(
            year: 2000 + days / 372, month: days % 372 / 31 + 1, day: days % 31 + 1,
            hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60)
        // Month index 12 (days 372·k + 372…) cannot occur, but day 31 of a 30-day month can.
        guard ADMSLocalTime.isValid(time) else { throw .invalidTime(time) }
        return time
    }

    /// Decodes the decimal text a server sends (`DateTime=583512660`); blanks around it are ignored.
    public static func decode(text: String) throws(ADMSCompactTimeError) -> LocalDateTime {
        let bytes = ADMSBytes.trimmed(Array(text.utf8)[...])
        guard !bytes.isEmpty, bytes.count <= 12, bytes.allSatisfy({ (0x30...0x39).contains($0) }), let value = ADMSBytes.integer(bytes)
        else {
            throw .notANumber(ADMSBytes.excerpt(bytes, limit: 32))
        }
        return try decode(Int64(value))
    }
}

/// Why a compact time could not be encoded or decoded.
public enum ADMSCompactTimeError: Error, Hashable, Sendable {
    /// The time has impossible fields (30 February, hour 24) or lies outside ``ADMSCompactTime/years``.
    case invalidTime(LocalDateTime)
    /// The code is negative or beyond the last second of 2099.
    case outOfRange(Int64)
    /// The text is not a plain decimal number.
    case notANumber(String)
}
