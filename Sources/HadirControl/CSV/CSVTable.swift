/// RFC 4180 CSV for exports an office opens in a spreadsheet: CRLF line ends, fields quoted when
/// they hold a comma, quote or line break.
///
/// Names come from the central server and the kiosk UI; a cell starting with `=`, `+`, `-`, `@`,
/// tab or CR would run as a formula in a spreadsheet, so it is prefixed with `'` (OWASP's advice).
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    public var text: String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(cell) == nil {
            cell = "'" + cell
        }
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        guard cell.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
