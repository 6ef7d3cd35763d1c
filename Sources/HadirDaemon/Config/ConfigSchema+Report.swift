import HadirCore

extension ConfigSchema {
    /// Keys of `[report]`: the monthly report's working week, holidays and signature block.
    static let reportKeys: [String: Apply] = [
        "working_days": { config, _, value throws(ConfigValueError) in
            var days: Set<Weekday> = []
            for text in try value.stringList() {
                guard let day = Weekday(rawValue: text.lowercased()) else {
                    throw .invalid("working_days entry \"\(text)\" is not one of mon, tue, wed, thu, fri, sat, sun")
                }
                days.insert(day)
            }
            guard !days.isEmpty else { throw .invalid("working_days must name at least one day, e.g. [\"mon\", \"fri\"]") }
            config.report.workingDays = days
        },
        "holidays": { config, _, value throws(ConfigValueError) in
            var dates: Set<LocalDate> = []
            for text in try value.stringList() {
                guard let date = LocalDate(parsing: text) else {
                    throw .invalid("holidays entry \"\(text)\" is not a date like \"2026-12-25\"")
                }
                dates.insert(date)
            }
            config.report.holidays = dates
        },
        "office_name": { config, _, value throws(ConfigValueError) in config.report.officeName = try printable(value, key: "office_name") },
        "head_of_office": { config, _, value throws(ConfigValueError) in
            config.report.headOfOffice = try printable(value, key: "head_of_office")
        },
        "head_of_office_nip": { config, _, value throws(ConfigValueError) in
            let nip = try value.string()
            // NIPs are 18 digits, often printed in groups ("19650101 199003 1 001").
            guard nip.count <= 32, nip.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == " ") }) else {
                throw .invalid("head_of_office_nip must be digits (spaces allowed), e.g. \"196501011990031001\"")
            }
            config.report.headOfOfficeNIP = nip
        },
    ]

    /// A line of text for the printed report: at most 120 characters, no control characters.
    private static func printable(_ value: ConfigValue, key: String) throws(ConfigValueError) -> String {
        let text = try value.string()
        guard text.count <= 120, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalid("\(key) must be one line of at most 120 characters")
        }
        return text
    }
}
