import Foundation
import HadirCore
import TOMLKit

/// One raw value from the config file or a `HADIR_*` environment variable, with typed accessors
/// whose errors read well in a one-line config message.
struct ConfigValue {
    enum Origin {
        case toml(any TOMLValueConvertible)
        case environment(String)
    }

    let origin: Origin

    func string() throws(ConfigValueError) -> String {
        switch origin {
        case .toml(let value):
            guard let text = value.string else { throw .wrongType(expected: "a string", found: value.type.description) }
            return text
        case .environment(let text):
            return text
        }
    }

    func int() throws(ConfigValueError) -> Int {
        switch origin {
        case .toml(let value):
            guard value.type == .int, let number = value.int else {
                throw .wrongType(expected: "an integer", found: value.type.description)
            }
            return number
        case .environment(let text):
            guard let number = Int(text) else { throw .wrongType(expected: "an integer", found: "\"\(text)\"") }
            return number
        }
    }

    func int(in range: ClosedRange<Int>) throws(ConfigValueError) -> Int {
        let number = try int()
        guard range.contains(number) else { throw .outOfRange("\(number) is outside \(range.lowerBound)...\(range.upperBound)") }
        return number
    }

    func double() throws(ConfigValueError) -> Double {
        switch origin {
        case .toml(let value):
            if value.type == .double, let number = value.double { return number }
            if value.type == .int, let number = value.int { return Double(number) }
            throw .wrongType(expected: "a number", found: value.type.description)
        case .environment(let text):
            guard let number = Double(text) else { throw .wrongType(expected: "a number", found: "\"\(text)\"") }
            return number
        }
    }

    func bool() throws(ConfigValueError) -> Bool {
        switch origin {
        case .toml(let value):
            guard value.type == .bool, let flag = value.bool else {
                throw .wrongType(expected: "true or false", found: value.type.description)
            }
            return flag
        case .environment(let text):
            switch text.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw .wrongType(expected: "true or false", found: "\"\(text)\"")
            }
        }
    }

    /// An integer given as a number or as a "0x…" string (module addresses are written in hex).
    func unsigned32() throws(ConfigValueError) -> UInt32 {
        if case .toml(let value) = origin, value.type == .int, let number = value.int {
            guard let result = UInt32(exactly: number) else { throw .outOfRange("\(number) does not fit in 32 bits") }
            return result
        }
        let text = try string().lowercased()
        let parsed = text.hasPrefix("0x") ? UInt32(text.dropFirst(2), radix: 16) : UInt32(text)
        guard let parsed else { throw .wrongType(expected: "a 32-bit number or \"0x…\"", found: "\"\(text)\"") }
        return parsed
    }

    /// A TOML array of strings, or one comma-separated string (also how the environment gives it).
    func stringList() throws(ConfigValueError) -> [String] {
        if case .toml(let value) = origin, let array = value.array {
            var items: [String] = []
            for element in array {
                guard let text = element.string else { throw .wrongType(expected: "an array of strings", found: element.type.description) }
                items.append(text)
            }
            return items
        }
        return try string().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "HH:MM", 24-hour.
    func clockTime() throws(ConfigValueError) -> ClockTime {
        let text = try string()
        guard let time = ClockTime(parsing: text) else { throw .invalid("\"\(text)\" is not a 24-hour time like \"07:30\"") }
        return time
    }
}

/// Why a single value is wrong, before the file, line and key are attached.
enum ConfigValueError: Error {
    case wrongType(expected: String, found: String)
    case outOfRange(String)
    case invalid(String)

    var reason: String {
        switch self {
        case .wrongType(let expected, let found): "expected \(expected), found \(found)"
        case .outOfRange(let detail): detail
        case .invalid(let detail): detail
        }
    }
}
