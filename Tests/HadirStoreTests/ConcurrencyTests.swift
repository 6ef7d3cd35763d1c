import Foundation
import HadirCore
import Testing

@testable import HadirStore

@Suite("Several connections")
struct ConcurrencyTests {
    @Test func readOnlySecondConnectionReadsWhileTheFirstAppends() async throws {
        try await withTemporaryDirectoryAsync { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            let daemon = try HadirDatabase.open(path: path)
            defer { try? daemon.close() }
            try daemon.append(draft())
            let control = try HadirDatabase.open(path: path, readOnly: true)  // as hadirctl does
            defer { try? control.close() }

            let total = 300
            let writer = Task.detached {
                for index in 1..<total { try daemon.append(draft(pin: "\(1000 + index % 7)", offset: Int64(index))) }
            }
            var observed: [Int] = []
            // Polls until the reader has seen every punch; the cap only stops a broken writer
            // from hanging the suite.
            for _ in 0..<30_000 {
                let count = try control.punchCount()
                observed.append(count)
                // Every snapshot is an intact prefix of the journal.
                guard case .intact(let verified) = try control.verifyChain(batchSize: 50) else {
                    Issue.record("chain broken while the writer appends")
                    break
                }
                #expect(verified >= count)
                if count == total { break }
                try await Task.sleep(for: .milliseconds(2))
            }
            try await writer.value
            #expect(observed == observed.sorted(), "counts went backwards: \(observed)")
            #expect(try control.punchCount() == total)
            #expect(try control.verifyChain() == .intact(count: total))
        }
    }

    @Test func twoWritersOnOneFileNeverShareOrSkipASeq() async throws {
        try await withTemporaryDirectoryAsync { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            let first = try HadirDatabase.open(path: path)
            let second = try HadirDatabase.open(path: path)
            defer {
                try? first.close()
                try? second.close()
            }
            let perWriter = 150
            async let a: [Int64] = Task.detached {
                try (0..<perWriter).map { try first.append(draft(pin: "1", offset: Int64($0))).seq }
            }.value
            async let b: [Int64] = Task.detached {
                try (0..<perWriter).map { try second.append(draft(pin: "2", offset: Int64($0))).seq }
            }.value
            let seqs = try await a + b
            #expect(seqs.sorted() == Array(1...Int64(2 * perWriter)))
            #expect(try first.verifyChain() == .intact(count: 2 * perWriter))
        }
    }
}
