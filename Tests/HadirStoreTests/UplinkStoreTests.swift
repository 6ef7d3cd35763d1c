import Foundation
import HadirCore
import Testing

@testable import HadirStore

/// The uplink's durable state: cursors, quarantine, processed commands.
@Suite("Uplink state")
struct UplinkStoreTests {
    @Test func aNewServerStartsAtCursorZeroWithTheWholeJournalAsBacklog() throws {
        try withDatabase { database, _ in
            for index in 0..<5 { try database.append(draft(offset: Int64(index))) }
            #expect(try database.uplinkState(server: "bkpsdm").ackedSeq == 0)
            #expect(try database.uplinkBacklog(server: "bkpsdm") == UplinkBacklog(count: 5, oldestUTCMilliseconds: testNow))
        }
    }

    @Test func cursorsArePerServerAndSurviveReopening() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            do {
                let database = try HadirDatabase.open(path: path)
                for index in 0..<4 { try database.append(draft(offset: Int64(index))) }
                try database.setAckedSeq(server: "a", seq: 3, atMilliseconds: testNow)
                try database.setAckedSeq(server: "b", seq: 1, atMilliseconds: nil)
                try database.close()
            }
            let database = try HadirDatabase.open(path: path)
            #expect(try database.uplinkState(server: "a").ackedSeq == 3)
            #expect(try database.uplinkState(server: "a").lastSuccessMilliseconds == testNow)
            #expect(try database.uplinkState(server: "b").lastSuccessMilliseconds == nil)
            #expect(try database.ackedByAll(servers: ["a", "b"]) == 1)
            #expect(try database.uplinkBacklog(server: "a").count == 1)
            #expect(try database.uplinkStates().map(\.server) == ["a", "b"])
        }
    }

    @Test func quarantinedPunchesStayInTheBacklogAndAreListed() throws {
        try withDatabase { database, _ in
            for index in 0..<3 { try database.append(draft(offset: Int64(index))) }
            try database.quarantinePunch(server: "a", seq: 2, reason: "200 FAIL", tries: 5, atMilliseconds: testNow)
            try database.setAckedSeq(server: "a", seq: 3, atMilliseconds: testNow)
            #expect(try database.quarantinedPunches(server: "a").map(\.seq) == [2])
            #expect(try database.uplinkBacklog(server: "a").count == 1)
        }
    }

    @Test func errorsAndHandshakesAreRecordedForStatus() throws {
        try withDatabase { database, _ in
            try database.recordUplinkError(server: "a", reason: "connect: refused", atMilliseconds: 5)
            try database.recordHandshake(server: "a", atMilliseconds: 9, clockDriftMilliseconds: -1200)
            try database.recordHandshake(server: "a", atMilliseconds: 10, clockDriftMilliseconds: nil)
            let state = try database.uplinkState(server: "a")
            #expect(state.lastError == "connect: refused")
            #expect(state.lastErrorMilliseconds == 5)
            #expect(state.lastHandshakeMilliseconds == 10)
            #expect(state.clockDriftMilliseconds == -1200)
        }
    }

    @Test func aCommandIsRecordedOnceAndItsResultKeptUntilReported() throws {
        try withDatabase { database, _ in
            try database.recordCommandResult(
                server: "a", commandID: "12", command: "CHECK", returnCode: 0, result: "ID=12&Return=0&CMD=CHECK", atMilliseconds: 1)
            // A repeated CmdID never overwrites the first outcome.
            try database.recordCommandResult(
                server: "a", commandID: "12", command: "CHECK", returnCode: -1, result: "ID=12&Return=-1&CMD=CHECK", atMilliseconds: 2)
            #expect(try database.processedCommand(server: "a", commandID: "12")?.returnCode == 0)
            #expect(try database.processedCommand(server: "b", commandID: "12") == nil)
            #expect(try database.unreportedCommandResults(server: "a").map(\.commandID) == ["12"])
            try database.markCommandResultsReported(server: "a", commandIDs: ["12"], atMilliseconds: 3)
            #expect(try database.unreportedCommandResults(server: "a").isEmpty)
            #expect(try database.processedCommand(server: "a", commandID: "12")?.reportedMilliseconds == 3)
        }
    }

    @Test func statusReadsWorkOnAReadOnlyHandle() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hadir.sqlite").path
            let writer = try HadirDatabase.open(path: path)
            try writer.append(draft())
            let reader = try HadirDatabase.open(path: path, readOnly: true)
            #expect(try reader.uplinkState(server: "never-seen").ackedSeq == 0)
            #expect(try reader.uplinkBacklog(server: "never-seen").count == 1)
            try writer.close()
        }
    }
}
