import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

/// The test/container sync-state file: its one-line format and how a bad file reads.
@Suite struct SyncStateFileTests {
    @Test(arguments: [
        ("unsynced", ClockSyncStatus.unsynchronized),
        ("synced\n", .synchronized(offsetMilliseconds: 0)),
        ("synced -3600000", .synchronized(offsetMilliseconds: -3_600_000)),
        ("# written by the test\n\n  synced   250  \n", .synchronized(offsetMilliseconds: 250)),
    ])
    func validFilesSayWhatTheyMean(text: String, expected: ClockSyncStatus) {
        #expect(SyncStateFile.parse(text, path: "/run/s") == .success(expected))
    }

    @Test(arguments: [
        ("", "/run/s: the file is empty"),
        ("# nothing\n", "/run/s: the file is empty"),
        ("synched", #"/run/s:1: expected "unsynced", "synced" or "synced <offset_ms>", found "synched""#),
        ("\nsynced soon", #"/run/s:2: offset "soon" is not a whole number of milliseconds within ±100 years"#),
        ("synced 1 2", #"/run/s:1: expected "unsynced", "synced" or "synced <offset_ms>", found "synced 1 2""#),
        ("unsynced 5", #"/run/s:1: expected "unsynced", "synced" or "synced <offset_ms>", found "unsynced 5""#),
        ("synced 99999999999999999", #"/run/s:1: offset "99999999999999999" is not a whole number of milliseconds within ±100 years"#),
    ])
    func badFilesNameTheFileAndLine(text: String, message: String) {
        guard case .failure(let error) = SyncStateFile.parse(text, path: "/run/s") else {
            Issue.record("\"\(text)\" was accepted")
            return
        }
        #expect(error.description == message)
    }

    @Test func aMissingOrBadFileReadsAsUnsyncedWithTheReason() throws {
        let path = NSTemporaryDirectory() + "hadir-sync-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = FileClockSyncSource(path: path)
        #expect(source.read() == ClockSyncReading(status: .unsynchronized, problem: "\(path): cannot read the sync-state file"))
        try "synced -5".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(source.read() == ClockSyncReading(status: .synchronized(offsetMilliseconds: -5)))
        try "maybe".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(source.read().status == .unsynchronized)
        #expect(source.read().problem?.hasPrefix("\(path):1: ") == true)
    }
}
