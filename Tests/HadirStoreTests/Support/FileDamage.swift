import Foundation

/// Damages a database file the way a failing SD card does: a page of garbage, a lost tail.
enum FileDamage {
    static let pageSize = 4096

    /// Overwrites the page that holds `marker` (e.g. a punch's hash) with garbage; returns its number (0-based).
    @discardableResult
    static func overwritePage(containing marker: [UInt8], in path: String) throws -> Int {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let offset = firstOffset(of: marker, in: bytes) else { throw DamageError("marker not found in \(path)") }
        let page = offset / pageSize
        var generator = SystemRandomNumberGenerator()
        for index in page * pageSize..<min((page + 1) * pageSize, bytes.count) {
            bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return page
    }

    /// Cuts the last `pages` pages off the file.
    static func truncate(_ path: String, droppingPages pages: Int) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - UInt64(pages * pageSize))
    }

    static func firstOffset(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = marker.first, marker.count <= bytes.count else { return nil }
        var index = 0
        while index <= bytes.count - marker.count {
            if bytes[index] == first && Array(bytes[index..<index + marker.count]) == marker { return index }
            index += 1
        }
        return nil
    }

    struct DamageError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
