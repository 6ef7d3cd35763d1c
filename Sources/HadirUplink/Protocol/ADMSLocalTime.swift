import HadirCore

/// The protocol's naive local time text, `YYYY-MM-DD HH:MM:SS` (reference §2 and §4): device wall
/// clock, no zone. Used by ATTLOG lines, OPLOG lines and the time ranges of DATA QUERY / VERIFY SUM.
public enum ADMSLocalTime {
    /// Years the protocol can carry as four digits.
    public static let years = 1000...9999

    /// True when the fields name a real civil time (leap years included) in ``years``.
    public static func isValid(_ time: LocalDateTime) -> Bool {
        years.contains(time.year) && (1...12).contains(time.month)
            && (1...daysInMonth(year: time.year, month: time.month)).contains(time.day)
            && (0...23).contains(time.hour) && (0...59).contains(time.minute) && (0...59).contains(time.second)
    }

    /// `2015-07-30 15:16:28`, or nil when the time is not valid (see ``isValid(_:)``).
    public static func format(_ time: LocalDateTime) -> String? {
        guard isValid(time) else { return nil }
        return "\(pad(time.year, 4))-\(pad(time.month))-\(pad(time.day)) \(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
    }

    /// Parses `YYYY-MM-DD HH:MM:SS`; also accepts a `T` separator, several blanks, and a missing
    /// seconds field (servers built on ISO formatters). Nil for anything that is not a real time.
    public static func parse(_ text: String) -> LocalDateTime? {
        let bytes = ADMSBytes.trimmed(Array(text.utf8)[...])
        guard bytes.count <= 40 else { return nil }
        let parts = bytes.split(whereSeparator: { ADMSBytes.isBlank($0) || $0 == UInt8(ascii: "T") })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let clock = parts[1].split(separator: ADMSBytes.colon, omittingEmptySubsequences: false)
        guard date.count == 3, (2...3).contains(clock.count), date[0].count == 4,
            date.dropFirst().allSatisfy({ (1...2).contains($0.count) }), clock.allSatisfy({ (1...2).contains($0.count) })
        else { return nil }
        let numbers = (date + clock).map { field in field.allSatisfy({ (0x30...0x39).contains($0) }) ? ADMSBytes.integer(field) : nil }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        let values = numbers.compactMap { $0 }
        let time = LocalDateTime(
            year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4], second: values.count > 5 ? values[5] : 0)
        return isValid(time) ? time : nil
    }

    /// Orders two local times field by field (LocalDateTime itself is not Comparable).
    public static func isBefore(_ lhs: LocalDateTime, _ rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
