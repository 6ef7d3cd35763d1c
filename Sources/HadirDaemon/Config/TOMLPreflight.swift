/// Checks the config text for what toml++ (under TOMLKit) does not survive, before it parses it.
///
/// toml++ asserts, and so aborts hadird (SwiftPM builds C++ without NDEBUG, release included), on a
/// table header whose key starts with anything but a key character or a quote (`[(re)connects`,
/// `[]`, `[\u{1}]`) and on an array element that starts with `}` (`x = [}`). The config fuzzer
/// found these shapes; refusing them here turns the crash into an ordinary ConfigError with its line.
enum TOMLPreflight {
    /// A problem found, with its 1-based line.
    struct Problem: Equatable {
        var line: Int
        var reason: String
    }

    /// The first problem in `source`, or nil.
    static func firstProblem(in source: String) -> Problem? {
        if let control = firstControlCharacter(in: source) { return control }
        if let header = firstHeaderWithoutKey(in: source) { return header }
        return firstBraceOpeningAnElement(in: source)
    }

    /// A `}` where an array element should start (`[}`, `[1, }`, also `{a = 1, }`), outside strings
    /// and comments. Never valid TOML; toml++ asserts on the array case.
    static func firstBraceOpeningAnElement(in source: String) -> Problem? {
        let bytes = Array(source.utf8)
        var index = 0
        var line = 1
        var expectingElement = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "#"):
                while index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = endOfString(bytes, from: index, line: &line)
                expectingElement = false
            case UInt8(ascii: "}") where expectingElement:
                return Problem(line: line, reason: "TOML syntax: a value is missing before '}'")
            case UInt8(ascii: "["), UInt8(ascii: ","):
                expectingElement = true
            default:
                expectingElement = false
            }
            index += 1
        }
        return nil
    }

    /// The index of the last byte of the string opening at `start` (one or three quotes; `"` with
    /// backslash escapes), counting the lines it spans. An unterminated string runs to its line end
    /// (single-line) or the text's end; toml++ reports those itself.
    private static func endOfString(_ bytes: [UInt8], from start: Int, line: inout Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if !triple { return index - 1 }
                line += 1
            }
            if byte == quote {
                if !triple { return index }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 2 }
            }
            index += 1
        }
        return bytes.count - 1
    }

    /// TOML forbids U+0000–U+0008, U+000A–U+001F but line ends, and U+007F everywhere, comments and
    /// strings included; a CR is a line end only before an LF.
    static func firstControlCharacter(in source: String) -> Problem? {
        var line = 1
        var column = 0
        var afterCR = false
        for scalar in source.unicodeScalars {
            if afterCR, scalar != "\n" { return controlProblem("\r", line: line, column: column) }
            afterCR = scalar == "\r"
            column += 1
            switch scalar.value {
            case 0x0A:
                line += 1
                column = 0
            case 0x09, 0x0D:
                continue
            case 0x00...0x1F, 0x7F:
                return controlProblem(scalar, line: line, column: column)
            default:
                continue
            }
        }
        return afterCR ? controlProblem("\r", line: line, column: column) : nil
    }

    /// A line opening with `[` or `[[` whose next non-blank character cannot start a key.
    ///
    /// Lines are not tokenised, so a line of a multi-line array or string that opens with `[` is
    /// checked too: none of hadird's keys takes nested arrays, so such a line is an error anyway.
    static func firstHeaderWithoutKey(in source: String) -> Problem? {
        // Bytes, not Characters: Swift reads CR LF as one Character, which would hide CRLF lines.
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        for (index, line) in source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            // toml++ skips a UTF-8 byte-order mark before the first line.
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            var rest = (index == 0 && line.starts(with: bom) ? line.dropFirst(bom.count) : line[...]).drop(while: blank)
            guard rest.first == UInt8(ascii: "[") else { continue }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "[") { rest = rest.dropFirst() }
            rest = rest.drop(while: blank)
            guard let first = rest.first, isKeyStart(first) else {
                return Problem(
                    line: index + 1, reason: "TOML syntax: a table header must start with a key, bare (A-Z a-z 0-9 _ -) or quoted")
            }
        }
        return nil
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default:
            false
        }
    }

    private static func controlProblem(_ scalar: Unicode.Scalar, line: Int, column: Int) -> Problem {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return Problem(
            line: line, reason: "TOML syntax: control character \(codePoint) at column \(column); only tabs and line ends are allowed")
    }
}
