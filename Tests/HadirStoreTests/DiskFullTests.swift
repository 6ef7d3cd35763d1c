import Foundation
import GRDB
import HadirCore
import Testing

@testable import HadirStore

/// A full disk refuses the append cleanly: no half row, chain whole, and the next append after
/// space is freed just works. SQLite's `max_page_count` stands in for the disk here; the system
/// test fills a real tmpfs.
@Suite("Disk full")
struct DiskFullTests {
    func setPageLimit(_ database: HadirDatabase, _ pages: Int?) throws {
        try database.pool.writeWithoutTransaction { db in
            let limit = try pages ?? Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(limit)")
        }
    }

    @Test func appendOnAFullDiskThrowsDiskFullAndLeavesTheJournalWhole() throws {
        try withDatabase { database, path in
            try database.append(draft())
            try setPageLimit(database, nil)
            var appended = 1
            var failure: StoreError?
            while failure == nil, appended < 5_000 {
                failure = storeError { try database.append(draft(offset: Int64(appended))) }
                if failure == nil { appended += 1 }
            }
            #expect(failure == .diskFull(path: path))
            #expect(try database.punchCount() == appended)
            #expect(try database.verifyChain() == .intact(count: appended))

            try setPageLimit(database, 1_000_000)
            let next = try database.append(draft(offset: 9_999))
            #expect(next.seq == Int64(appended) + 1)
            #expect(try database.verifyChain() == .intact(count: appended + 1))
        }
    }
}
