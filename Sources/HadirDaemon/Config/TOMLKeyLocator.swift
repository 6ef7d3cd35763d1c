/// Finds the line a `section.key` is written on, because the TOML parser reports positions only
/// for syntax errors and operators need the line of a wrong value too.
struct TOMLKeyLocator {
    private var lines: [String: Int] = [:]

    init(source: String) {
        var section = ""
        for (index, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let number = index + 1
            if line.hasPrefix("[") {
                let name = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                section = Self.normalize(String(name))
                if lines[section] == nil { lines[section] = number }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = Self.normalize(String(line[..<equals]))
            let path = section.isEmpty ? key : "\(section).\(key)"
            // A dotted key (`scanner.baud = 1`, `"".a = 1`) also defines its tables: note each prefix.
            var prefix: String?
            for component in path.split(separator: ".", omittingEmptySubsequences: false) {
                prefix = prefix.map { "\($0).\(component)" } ?? String(component)
                if let prefix, lines[prefix] == nil { lines[prefix] = number }
            }
        }
    }

    /// The line of `path` ("scanner.baud"), or of its section when the key is absent.
    func line(of path: String) -> Int? {
        if let line = lines[path] { return line }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return lines[String(path[..<dot])]
    }

    private static func normalize(_ key: String) -> String {
        key.split(separator: ".").map { String($0).trimmingSpaces().trimmingQuotes() }.joined(separator: ".")
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
        var text = String(String.UnicodeScalarView(scalars))
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }

    func trimmingQuotes() -> String {
        var text = String(self)
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            text.removeFirst()
            text.removeLast()
        }
        return text
    }
}
