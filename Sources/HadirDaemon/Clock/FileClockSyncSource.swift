import Foundation
import HadirCore

/// A sync state read from a file (`[clock] sync_state_file`), for system tests and for containers
/// where the kernel's NTP state says nothing about the host's clock. See ``SyncStateFile``.
///
/// A missing or unreadable file, or one that says nothing usable, counts as unsynced, with the
/// reason (file and line) in ``ClockSyncReading/problem``.
public struct FileClockSyncSource: ClockSyncSource {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var origin: ClockSyncOrigin { .file }

    public func read() -> ClockSyncReading {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ClockSyncReading(status: .unsynchronized, problem: "\(path): cannot read the sync-state file")
        }
        switch SyncStateFile.parse(String(decoding: data, as: UTF8.self), path: path) {
        case .success(let status): return ClockSyncReading(status: status)
        case .failure(let error): return ClockSyncReading(status: .unsynchronized, problem: error.description)
        }
    }
}
