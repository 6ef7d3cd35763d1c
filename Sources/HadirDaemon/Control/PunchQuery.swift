import HadirCore
import HadirStore

/// A range of the journal by local date and employee: `GET /v1/punches`, `GET /v1/reconcile`
/// and hadirctl's offline mode all read through this one query.
public struct PunchQuery: Sendable, Hashable {
    public var pin: String?
    /// First local date, `YYYY-MM-DD`.
    public var from: String?
    /// Last local date, inclusive.
    public var to: String?
    /// At most this many punches, newest kept.
    public var limit: Int?

    public init(pin: String? = nil, from: String? = nil, to: String? = nil, limit: Int? = nil) {
        self.pin = pin
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// The punches in range with employee names; a bad PIN, date or limit is a ``PunchQueryError``.
    public func rows(in database: HadirDatabase) throws -> [PunchRow] {
        let pinFilter: EmployeePIN?
        do {
            pinFilter = try pin.map { try EmployeePIN($0) }
        } catch {
            throw PunchQueryError("pin: \(error)")
        }
        if let limit, limit < 1 { throw PunchQueryError("limit must be at least 1") }
        let (fromUTC, toUTC) = try utcRange(in: database)
        var punches = try database.punches(pin: pinFilter, fromUTC: fromUTC, toUTC: toUTC, limit: nil)
        if let limit, punches.count > limit { punches = Array(punches.suffix(limit)) }
        let names = Dictionary(try database.users().map { ($0.pin, $0.name) }, uniquingKeysWith: { first, _ in first })
        return punches.map { PunchRow($0, name: names[$0.pin]) }
    }

    /// Per local day: count, seq range and digest, for the monthly reconciliation with the server.
    public func dailyTallies(in database: HadirDatabase) throws -> [DailyTally] {
        guard from != nil, to != nil else { throw PunchQueryError("from and to are both required") }
        let (fromUTC, toUTC) = try utcRange(in: database)
        return DailyTally.byLocalDay(
            try database.punches(pin: nil, fromUTC: fromUTC, toUTC: toUTC, limit: nil), offsetSeconds: try zoneOffset(database))
    }

    /// Dates are local to the kiosk: its zone is the one its latest punch was recorded in.
    private func zoneOffset(_ database: HadirDatabase) throws -> Int32 {
        try database.lastPunch()?.draft.zoneOffsetSeconds ?? IndonesianZone.wib.offsetSeconds
    }

    private func utcRange(in database: HadirDatabase) throws -> (Int64?, Int64?) {
        let offset = try zoneOffset(database)
        let fromUTC = try from.map { try CalendarDate.parse($0, field: "from").startUTC(offsetSeconds: offset) }
        // Exclusive: the next local midnight.
        let toUTC = try to.map { try CalendarDate.parse($0, field: "to").startUTC(offsetSeconds: offset) + 86_400_000 }
        if let fromUTC, let toUTC, fromUTC >= toUTC { throw PunchQueryError("from (\(from ?? "")) is after to (\(to ?? ""))") }
        return (fromUTC, toUTC)
    }
}

/// A query the journal cannot answer, explained.
public struct PunchQueryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// `YYYY-MM-DD`, a real calendar date.
public struct CalendarDate: Sendable, Hashable {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...LocalDateTime.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    static func parse(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else { throw PunchQueryError("\(field): \"\(text)\" is not a date like 2026-11-23") }
        return date
    }

    /// UTC milliseconds of this date's local midnight.
    public func startUTC(offsetSeconds: Int32) -> Int64 {
        LocalDateTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).utcMilliseconds(offsetSeconds: offsetSeconds)
    }
}
