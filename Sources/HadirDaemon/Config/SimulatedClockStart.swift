import HadirCore

/// The local wall time a simulated clock starts at: "YYYY-MM-DD HH:MM".
struct SimulatedClockStart {
    let local: LocalDateTime

    init?(_ text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-")
        guard date.count == 3, let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
            (1970...2200).contains(year), (1...12).contains(month), (1...31).contains(day),
            let time = ClockTime(parsing: String(parts[1]))
        else { return nil }
        local = LocalDateTime(year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: 0)
    }
}
