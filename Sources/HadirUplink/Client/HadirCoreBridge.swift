import HadirCore

/// Small conversions from HadirCore used by the client.
enum HadirCoreBridge {
    static func utcMilliseconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).utcMilliseconds(offsetSeconds: 0)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
