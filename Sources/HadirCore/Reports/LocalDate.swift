/// A civil date in the office's zone ("2026-11-23"), without a time of day.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil unless `day` exists in `month` of `year` (leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), day >= 1, day <= LocalDateTime.daysInMonth(year: year, month: month) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Parses "YYYY-MM-DD".
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The local date of a UTC instant at a fixed offset.
    public init(utcMilliseconds: Int64, offsetSeconds: Int32) {
        let local = LocalDateTime(utcMilliseconds: utcMilliseconds, offsetSeconds: offsetSeconds)
        (year, month, day) = (local.year, local.month, local.day)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int64 { LocalDateTime.daysSinceEpoch(year: year, month: month, day: day) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday.allCases[Int(((dayNumber + 3) % 7 + 7) % 7)]
    }

    /// UTC milliseconds of this date's local midnight.
    public func startUTCMilliseconds(offsetSeconds: Int32) -> Int64 {
        LocalDateTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).utcMilliseconds(offsetSeconds: offsetSeconds)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
