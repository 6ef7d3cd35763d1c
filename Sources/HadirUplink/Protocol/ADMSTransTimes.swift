/// The handshake's `TransTimes=` value: scheduled upload times of day (reference §1).
public enum ADMSTransTimes {
    /// Minutes since local midnight for each valid `HH:MM` entry, ascending and without repeats.
    ///
    /// Entries are separated by `;` (`,` is tolerated); spaces inside an entry are ignored because
    /// ZKTeco's own example reads `00: 00;14: 05`. Entries that are not a real time are skipped, and
    /// only the first ``ADMSServerOptions/maximumTransTimes`` valid ones are kept.
    public static func minutes(parsing value: String) -> [Int] {
        let bytes = Array(value.utf8)[...]
        let entries = bytes.split(whereSeparator: { $0 == UInt8(ascii: ";") || $0 == ADMSBytes.comma }).prefix(64)
        var result: [Int] = []
        for entry in entries {
            let compact = entry.filter { !ADMSBytes.isBlank($0) }[...]
            guard let colon = compact.firstIndex(of: ADMSBytes.colon) else { continue }
            let hourText = compact[..<colon]
            let minuteText = compact[(colon + 1)...]
            guard (1...2).contains(hourText.count), minuteText.count == 2,
                hourText.allSatisfy({ (0x30...0x39).contains($0) }), minuteText.allSatisfy({ (0x30...0x39).contains($0) }),
                let hour = ADMSBytes.integer(hourText), let minute = ADMSBytes.integer(minuteText), hour < 24, minute < 60
            else { continue }
            result.append(hour * 60 + minute)
            if result.count == ADMSServerOptions.maximumTransTimes { break }
        }
        return Array(Set(result)).sorted()
    }
}
