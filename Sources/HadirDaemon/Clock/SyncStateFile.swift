import Foundation
import HadirCore

/// The format of `[clock] sync_state_file`: one line, `unsynced`, `synced`, or `synced <offset_ms>`
/// where the true time is the wall clock plus the offset (`synced -3600000`: the board runs an
/// hour ahead). Blank lines and `#` comments are ignored.
enum SyncStateFile {
    /// The state the text describes, or an error naming `path` and the line.
    static func parse(_ text: String, path: String) -> Result<ClockSyncStatus, SyncStateFileError> {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: \.isWhitespace)
            let problem = { (reason: String) in SyncStateFileError(path: path, line: index + 1, reason: reason) }
            switch (words.first, words.count) {
            case ("unsynced", 1): return .success(.unsynchronized)
            case ("synced", 1): return .success(.synchronized(offsetMilliseconds: 0))
            case ("synced", 2):
                guard let offset = Int64(words[1]), abs(offset) <= Self.maximumOffsetMilliseconds else {
                    return .failure(problem("offset \"\(words[1])\" is not a whole number of milliseconds within ±100 years"))
                }
                return .success(.synchronized(offsetMilliseconds: offset))
            default:
                return .failure(problem("expected \"unsynced\", \"synced\" or \"synced <offset_ms>\", found \"\(line)\""))
            }
        }
        return .failure(SyncStateFileError(path: path, line: nil, reason: "the file is empty"))
    }

    /// ±100 years: beyond that the number is a typo, not a board's clock error.
    static let maximumOffsetMilliseconds: Int64 = 100 * 366 * 86_400_000
}

/// A sync-state file that says nothing usable; the daemon then treats the clock as unsynced.
struct SyncStateFileError: Error, Hashable, CustomStringConvertible {
    var path: String
    var line: Int?
    var reason: String

    var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}
