/// The body's non-empty lines as reference §1/§3 define them, independently of the parsers: split
/// on CR and LF in any combination, blanks (space, TAB) trimmed, a leading UTF-8 BOM ignored.
enum ADMSLines {
    static func lines(_ body: [UInt8]) -> [ArraySlice<UInt8>] {
        let text = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
        return text.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map(trimmed).filter { !$0.isEmpty }
    }

    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else {
            return line[line.endIndex...]
        }
        return line[first...last]
    }

    /// True for a line that is exactly `OK`, in any letter case.
    static func isOK(_ line: ArraySlice<UInt8>) -> Bool {
        line.count == 2 && line.map { $0 & 0xDF } == [0x4F, 0x4B]
    }

    /// True for text that fits on one log line: no control characters.
    static func isSingleLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
