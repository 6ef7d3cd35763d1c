import Foundation
import GRDB
import HadirCore

@testable import HadirStore

/// A fresh directory under the system temp dir, removed when the test is done.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The async form of ``withTemporaryDirectory(_:)``.
func withTemporaryDirectoryAsync<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// The fixed wall clock of tests: 2025-01-06 08:00:00 WIB.
let testNow: Int64 = 1_736_125_200_000

/// Opens a database in a fresh temp dir and hands it to `body`.
func withDatabase<T>(_ body: (HadirDatabase, String) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let path = directory.appendingPathComponent("hadir.sqlite").path
        let database = try HadirDatabase.open(path: path, clock: { testNow })
        defer { try? database.close() }
        return try body(database, path)
    }
}

/// Runs raw SQL on the file through a separate connection: a tamperer, a legacy tool, a hand edit.
func executeRaw(_ path: String, _ sql: String) throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    try queue.close()
}

func pin(_ text: String) throws -> EmployeePIN {
    try EmployeePIN(text)
}

/// A plausible check-in draft; `offset` spreads drafts over time.
func draft(
    pin text: String = "1001", offset: Int64 = 0, correctsSeq: Int64? = nil, quality: ClockQuality = .synced
) throws -> PunchDraft {
    PunchDraft(
        deviceSerial: "HDR0001",
        pin: try pin(text),
        clock: ClockReading(
            utcMilliseconds: testNow + offset * 1000,
            monotonicNanoseconds: UInt64(clamping: 100_000_000_000_000 + offset * 1_000_000_000),
            bootID: "3f1c2a9e-0000-4000-8000-000000000001", quality: quality),
        zoneOffsetSeconds: 25_200,
        verify: .fingerprint,
        state: .checkIn,
        classification: .onTime,
        correctsSeq: correctsSeq)
}

/// Runs `body`, expecting a ``StoreError``, and returns it (nil if none or another error was thrown).
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}
