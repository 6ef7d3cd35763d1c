/// Reads the handshake's `TimeZone=` value into a UTC offset in minutes (reference §1 and §4).
///
/// ZKTeco defines an integer that is hours when small and minutes when large; servers in the wild
/// also send decimal hours and `±HH:MM`. Accepted forms, each with an optional sign and an optional
/// `GMT`/`UTC` prefix:
/// - an integer with |v| ≤ 14: hours (`8`, `-3`);
/// - an integer with |v| ≥ 60: minutes (`420`, `-210`);
/// - decimal hours (`5.5`, `5.75`, `-3.5`);
/// - `H:MM` or `HH:MM` (`+05:30`, `-3:30`).
///
/// Everything else is nonsense and gives nil, so the kiosk keeps its own zone: integers 15…59
/// (neither hours nor plausible minutes), offsets beyond ±14 h, and offsets that are not a multiple
/// of 15 minutes (every real zone is, and `99` minutes is far more likely a typo than a place).
public enum ADMSTimeZone {
    /// The largest offset any real zone uses (UTC+14, Line Islands).
    public static let maximumOffsetMinutes = 14 * 60

    /// The offset in minutes east of UTC, or nil when the value is not a usable zone.
    public static func offsetMinutes(parsing value: String) -> Int? {
        var text = ADMSBytes.trimmed(Array(value.utf8)[...])
        if ADMSBytes.hasPrefix(text, caseInsensitive: "GMT") || ADMSBytes.hasPrefix(text, caseInsensitive: "UTC") {
            text = ADMSBytes.trimmed(text.dropFirst(3))
        }
        guard !text.isEmpty, text.count <= 12 else { return nil }
        var sign = 1
        if let first = text.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            text = text.dropFirst()
        }
        guard let magnitude = unsignedMinutes(text) else { return nil }
        let minutes = sign * magnitude
        guard abs(minutes) <= maximumOffsetMinutes, minutes % 15 == 0 else { return nil }
        return minutes
    }

    private static func unsignedMinutes(_ text: ArraySlice<UInt8>) -> Int? {
        if let colon = text.firstIndex(of: ADMSBytes.colon) {
            let hours = text[..<colon]
            let minutes = text[(colon + 1)...]
            guard (1...2).contains(hours.count), minutes.count == 2, let h = digits(hours), let m = digits(minutes), h <= 14, m < 60
            else { return nil }
            return h * 60 + m
        }
        if let dot = text.firstIndex(of: UInt8(ascii: ".")) {
            let whole = text[..<dot]
            let fraction = text[(dot + 1)...]
            guard (1...2).contains(whole.count), (1...2).contains(fraction.count), let h = digits(whole), let f = digits(fraction), h <= 14
            else { return nil }
            let scale = fraction.count == 1 ? 10 : 100
            // Only fractions that are whole minutes: .5 = 30, .25 = 15, .75 = 45.
            guard (f * 60) % scale == 0 else { return nil }
            return h * 60 + f * 60 / scale
        }
        guard text.count <= 4, let value = digits(text) else { return nil }
        if value <= 14 { return value * 60 }
        if value >= 60 { return value }
        return nil
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return ADMSBytes.integer(bytes)
    }
}
