/// The employee list an office may put on the stick (`HADIR/<SERIAL>/<SERIAL>_users.csv`): one
/// `PIN,name` per line, read before the stick is unmounted and added to the kiosk.
///
/// Comma, semicolon (Excel in an Indonesian locale) or TAB separate the two fields; a field may be
/// double-quoted with `""` inside. A UTF-8 BOM, blank lines and a `pin,name` header are skipped.
/// The list is taken whole or not at all: one bad line refuses it, naming the line.
public enum UsbUserList {
    /// Longest name the control API accepts.
    public static let maximumNameLength = 64

    /// Why the list was refused: the 1-based line and what is wrong with it.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ bytes: [UInt8]) throws(Problem) -> [Employee] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self)
        var employees: [Employee] = []
        var seen: [EmployeePIN: Int] = [:]
        // CRLF is one Character, so isNewline splits CRLF, LF and CR files alike.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = try Self.fields(String(line), line: number)
            guard fields.count == 2 else { throw Problem(line: number, reason: "expected PIN and name, found \(fields.count) field(s)") }
            let pinText = fields[0].trimmingBlanks
            let name = fields[1].trimmingBlanks
            if employees.isEmpty, pinText.lowercased() == "pin" { continue }
            let pin: EmployeePIN
            do {
                pin = try EmployeePIN(pinText)
            } catch {
                throw Problem(line: number, reason: "PIN \"\(pinText)\": \(error)")
            }
            guard !name.isEmpty, name.count <= maximumNameLength else {
                throw Problem(line: number, reason: "name must be 1-\(maximumNameLength) characters")
            }
            if let first = seen[pin] { throw Problem(line: number, reason: "PIN \(pin) is already on line \(first)") }
            seen[pin] = number
            employees.append(Employee(pin: pin, name: name))
        }
        return employees
    }

    /// The listed employees that are new to the kiosk or carry another name there: what to send.
    public static func changes(_ listed: [Employee], existing: [Employee]) -> [Employee] {
        let names = Dictionary(existing.map { ($0.pin, $0.name) }, uniquingKeysWith: { first, _ in first })
        return listed.filter { names[$0.pin] != $0.name }
    }

    /// Splits on the first separator outside quotes; quoted fields lose their quotes.
    private static func fields(_ line: String, line number: Int) throws(Problem) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var separator: Character?
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"", current.allSatisfy({ $0 == " " }) {
                current = ""
                quoted = true
            } else if character == separator || (separator == nil && [",", ";", "\t"].contains(character)) {
                separator = character
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw Problem(line: number, reason: "a quote is not closed") }
        fields.append(current)
        return fields
    }
}

extension String {
    /// Without leading and trailing spaces and TABs.
    fileprivate var trimmingBlanks: String {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
