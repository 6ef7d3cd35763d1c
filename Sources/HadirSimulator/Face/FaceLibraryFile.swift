import Foundation

/// The simulated face module's enrolled users, `faces.json` in the state directory, replaced
/// atomically on every change like the fingerprint library (``LibraryFile``).
public struct FaceLibraryFile: Sendable {
    public let directory: String
    public var path: String { directory + "/faces.json" }

    public init(directory: String) throws(LibraryFileError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LibraryFileError(path: directory, reason: "cannot create directory: \(error)")
        }
    }

    /// Reads the users; a missing file is an empty module.
    public func load() throws(LibraryFileError) -> FaceUserStore {
        guard FileManager.default.fileExists(atPath: path) else { return FaceUserStore() }
        guard let data = FileManager.default.contents(atPath: path) else { throw LibraryFileError(path: path, reason: "cannot read") }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw LibraryFileError(path: path, reason: "not a simulator face library: \(error)")
        }
        guard document.format == Document.formatName, document.version == 1 else {
            throw LibraryFileError(path: path, reason: "unsupported format \(document.format) v\(document.version)")
        }
        guard Set(document.users.map(\.userID)).count == document.users.count else {
            throw LibraryFileError(path: path, reason: "a user id appears twice")
        }
        return FaceUserStore(users: document.users)
    }

    public func save(_ store: FaceUserStore) throws(LibraryFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let document = Document(format: Document.formatName, version: 1, users: store.sortedIDs.compactMap { store.users[$0] })
        let data: Data
        do {
            data = try encoder.encode(document)
        } catch {
            throw LibraryFileError(path: path, reason: "cannot encode: \(error)")
        }
        try AtomicFileWriter.write([UInt8](data), to: path, directory: directory)
    }

    private struct Document: Codable {
        static let formatName = "hadir-sim-faces"
        var format: String
        var version: Int
        var users: [FaceUserStore.User]
    }
}
