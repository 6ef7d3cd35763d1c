import HadirCore

/// Parses the HTTP `Date` header (RFC 9110 IMF-fixdate, "Mon, 23 Nov 2026 07:57:47 GMT") into UTC
/// milliseconds, without Foundation's locale-dependent formatters.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func utcMilliseconds(_ text: String) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 6, parts[5].uppercased() == "GMT" || parts[5].uppercased() == "UTC",
            let day = Int(parts[1]), (1...31).contains(day),
            let monthIndex = months.firstIndex(of: parts[2].lowercased()),
            let year = Int(parts[3]), (1970...9999).contains(year)
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second)
        else { return nil }
        // 31 February would otherwise roll over into March.
        guard ADMSLocalTime.isValid(LocalDateTime(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: 0))
        else { return nil }
        return HadirCoreBridge.utcMilliseconds(
            year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: min(second, 59))
    }

    /// `Retry-After`: delta-seconds, or an HTTP date relative to `now`.
    public static func retryAfter(_ text: String?, now: Int64) -> Duration? {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
        if let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        guard let date = utcMilliseconds(text) else { return nil }
        return .milliseconds(max(0, date - now))
    }
}
