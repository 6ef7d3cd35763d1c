/// A calendar month in the office's zone ("2026-11"): the period of one monthly report.
public struct ReportMonth: Hashable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        (self.year, self.month) = (year, month)
    }

    /// Parses "YYYY-MM".
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month before the one `date` falls in: reports are made on days 1-5 of the next month.
    public static func previous(to date: LocalDate) -> ReportMonth {
        date.month == 1 ? ReportMonth(year: date.year - 1, month: 12)! : ReportMonth(year: date.year, month: date.month - 1)!
    }

    public var days: [LocalDate] {
        (1...LocalDateTime.daysInMonth(year: year, month: month)).map { LocalDate(year: year, month: month, day: $0)! }
    }

    /// UTC milliseconds of the first local midnight of the month and of the next month (exclusive).
    public func utcRange(offsetSeconds: Int32) -> Range<Int64> {
        let first = LocalDate(year: year, month: month, day: 1)!
        let last = days[days.count - 1]
        return first.startUTCMilliseconds(
            offsetSeconds: offsetSeconds)..<(last.startUTCMilliseconds(offsetSeconds: offsetSeconds)
            + 86_400_000)
    }

    public var description: String {
        (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ReportMonth(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
