/// A control character TOML forbids (U+0000–U+0008, U+000A–U+001F but line ends, U+007F), found
/// before the text reaches TOMLKit.
///
/// TOML allows them nowhere, not even in comments or strings, and toml++ under TOMLKit asserts
/// (aborting hadird, whose release build keeps C++ asserts) on one that opens a table header, e.g.
/// `[\u{1}]`. Refusing them first turns that crash into an ordinary ConfigError with its line.
struct TOMLControlCharacter: Equatable {
    /// 1-based line and column (in Unicode scalars) of the character.
    var line: Int
    var column: Int
    var scalar: Unicode.Scalar

    /// The first forbidden control character in `source`, or nil. A CR counts as a line end only
    /// before an LF, as in TOML.
    static func first(in source: String) -> TOMLControlCharacter? {
        var line = 1
        var column = 0
        var previous: Unicode.Scalar?
        for scalar in source.unicodeScalars {
            if let previous, previous == "\r", scalar != "\n" {
                return TOMLControlCharacter(line: line, column: column, scalar: previous)
            }
            previous = scalar
            column += 1
            switch scalar.value {
            case 0x0A:
                line += 1
                column = 0
            case 0x09, 0x0D:
                continue
            case 0x00...0x1F, 0x7F:
                return TOMLControlCharacter(line: line, column: column, scalar: scalar)
            default:
                continue
            }
        }
        if previous == "\r" { return TOMLControlCharacter(line: line, column: column, scalar: "\r") }
        return nil
    }

    /// `U+0001`, as the error shows it.
    var codePoint: String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
