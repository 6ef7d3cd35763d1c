import Foundation
import HadirSimulator
import Testing

@Suite("Library file")
struct LibraryFileTests {
    @Test func saveThenLoadRoundTripsEverySlot() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/nested/state"
        let file = try LibraryFile(directory: directory)
        #expect(try file.load().slots.isEmpty)
        var library = TemplateLibrary()
        library.store(try fingerNumber(1).template(size: 512), at: 0)
        library.store([1, 2, 3], at: 999)
        try file.save(library)
        #expect(try LibraryFile(directory: directory).load().slots == library.slots)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["library.json"])  // the temporary file was renamed away
    }

    @Test func aCorruptFileIsReportedNotSilentlyEmptied() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: directory + "/library.json"))
        #expect(throws: LibraryFileError.self) { try LibraryFile(directory: directory).load() }
    }

    @Test func libraryRevisionMovesOnEveryChange() {
        var library = TemplateLibrary()
        let start = library.revision
        library.store([1], at: 1)
        library.delete(0..<5)
        library.removeAll()
        #expect(library.revision == start + 3)
    }
}
