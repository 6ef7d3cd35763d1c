import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The on-disk copy of the simulated flash library, `library.json` in the state directory.
///
/// Every change is written atomically (temporary file, fsync, rename, fsync of the
/// directory) so a simulator killed at any instant restarts with either the old or the new
/// library, never a torn one, just as the real module's flash would.
public struct LibraryFile: Sendable {
    /// The directory holding the file.
    public let directory: String
    /// Full path of `library.json`.
    public var path: String { directory + "/library.json" }

    /// Uses `directory`, creating it (and its parents) when missing.
    public init(directory: String) throws(LibraryFileError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LibraryFileError(path: directory, reason: "cannot create directory: \(error)")
        }
    }

    /// Reads the library; a missing file is an empty library.
    public func load() throws(LibraryFileError) -> TemplateLibrary {
        guard FileManager.default.fileExists(atPath: path) else { return TemplateLibrary() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LibraryFileError(path: path, reason: "cannot read")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw LibraryFileError(path: path, reason: "not a simulator library: \(error)")
        }
        guard document.format == Document.formatName, document.version == 1 else {
            throw LibraryFileError(path: path, reason: "unsupported format \(document.format) v\(document.version)")
        }
        var slots: [Int: [UInt8]] = [:]
        for entry in document.slots {
            guard entry.slot >= 0, let bytes = Data(base64Encoded: entry.template) else {
                throw LibraryFileError(path: path, reason: "bad entry for slot \(entry.slot)")
            }
            slots[entry.slot] = [UInt8](bytes)
        }
        return TemplateLibrary(slots: slots)
    }

    /// Replaces the file with `library`, atomically and durably.
    public func save(_ library: TemplateLibrary) throws(LibraryFileError) {
        let entries = library.slots.keys.sorted().compactMap { slot in
            library[slot].map { Document.Entry(slot: slot, template: Data($0).base64EncodedString()) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(Document(format: Document.formatName, version: 1, slots: entries))
        } catch {
            throw LibraryFileError(path: path, reason: "cannot encode: \(error)")
        }
        try AtomicFileWriter.write([UInt8](data), to: path, directory: directory)
    }

    private struct Document: Codable {
        static let formatName = "hadir-sim-library"
        struct Entry: Codable {
            var slot: Int
            var template: String
        }
        var format: String
        var version: Int
        var slots: [Entry]
    }
}

/// Why the library file could not be used.
public struct LibraryFileError: Error, CustomStringConvertible, Sendable {
    /// The file or directory concerned.
    public let path: String
    /// What went wrong.
    public let reason: String
    /// "PATH: reason".
    public var description: String { "\(path): \(reason)" }
}
