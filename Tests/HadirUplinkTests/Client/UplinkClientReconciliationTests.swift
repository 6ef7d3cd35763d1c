import HadirCore
import HadirStore
import HadirUplink
import Testing

/// How a server reconciles with the kiosk (reference §1.1 step 4, §3): DATA QUERY ATTLOG, VERIFY SUM
/// ATTLOG, INFO, and CLEAR LOG, end to end over HTTP.
@Suite(.serialized) struct UplinkClientReconciliationTests {
    static let punches: Int64 = 100

    static func range(_ first: Int64, _ last: Int64) -> String {
        "StartTime=\(ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: first)))\tEndTime=\(ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: last)))"
    }

    /// A rig whose backlog has been delivered.
    static func drainedRig(allServers: [String] = [UplinkClientRig.server], resendChunk: Int = 500) async throws -> UplinkClientRig {
        let rig = try UplinkClientRig(punches: punches, allServers: allServers, settings: { $0.resendChunk = resendChunk })
        rig.start()
        #expect(await rig.eventually { rig.cursor == punches })
        return rig
    }

    @Test func dataQueryReuploadsTheRangeBeforeAcknowledging() async throws {
        let rig = try await Self.drainedRig(resendChunk: 7)
        let uploadsBefore = rig.server.uploads.count

        rig.server.queueCommands(["C:20:DATA QUERY ATTLOG \(Self.range(10, 30))"])

        #expect(await rig.server.waitUntil { $0.results(for: "20").count == 1 })
        await rig.stop()

        let resent = Array(rig.server.uploads.dropFirst(uploadsBefore))
        #expect(resent.flatMap(\.seqs).isExactly(10...30))
        #expect(resent.allSatisfy { $0.seqs.count <= 7 && $0.disposition == .accepted })
        #expect(rig.server.results(for: "20") == ["ID=20&Return=0&CMD=DATA"])
        let resultAt = try #require(rig.server.commandReports.first { $0.lines.contains("ID=20&Return=0&CMD=DATA") }?.at)
        #expect(resent.allSatisfy { rig.server.exchanges[$0.exchange].arrivedAt < resultAt })
        #expect(rig.cursor == Self.punches)
    }

    /// Servers echo the last Stamp they received (django-fingerprint-attendance does). A DATA QUERY
    /// re-upload of old records must not leave a stamp behind that reads as "the server lost data".
    @Test func dataQueryReuploadDoesNotMakeTheNextHandshakeRewind() async throws {
        let rig = try await Self.drainedRig()
        rig.server.queueCommands(["C:21:DATA QUERY ATTLOG \(Self.range(10, 30))"])
        #expect(await rig.server.waitUntil { $0.results(for: "21").count == 1 })
        let uploadsAfterQuery = rig.server.uploads.count

        rig.server.queueCommands(["C:22:CHECK"])
        #expect(await rig.server.waitUntil { $0.results(for: "22").count == 1 })
        #expect(await rig.server.waitUntil { $0.exchanges.filter { $0.kind == .handshake }.count == 2 })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 3 })
        await rig.stop()

        let extra = rig.server.uploads.dropFirst(uploadsAfterQuery).flatMap(\.seqs)
        #expect(extra.isEmpty, "\(extra.count) punches sent again after the handshake: \(extra.prefix(5))…")
        #expect(rig.cursor == Self.punches)
    }

    @Test func verifySumReportsTheCountInTheRange() async throws {
        let rig = try await Self.drainedRig()
        let range = Self.range(10, 30)
        rig.server.queueCommands(["C:23:VERIFY SUM ATTLOG \(range)", "C:24:VERIFY SUM ATTLOG"])

        #expect(await rig.server.waitUntil { $0.results(for: "23").count == 1 && $0.results(for: "24").count == 1 })
        await rig.stop()

        let start = ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: 10))
        let end = ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: 30))
        #expect(rig.server.results(for: "23") == ["ID=23&Return=0&CMD=VERIFY SUM&StartTime=\(start)&EndTime=\(end)&AttlogSum=21"])
        #expect(rig.server.results(for: "24") == ["ID=24&Return=0&CMD=VERIFY SUM&StartTime=&EndTime=&AttlogSum=100"])
    }

    @Test func infoResultIsPostedAloneWithTrueCounts() async throws {
        let rig = try await Self.drainedRig()
        try rig.database.upsertUser(Employee(pin: ClientFixtures.pin("1001"), name: "Budi"), actor: "test")
        rig.server.queueCommands(["C:25:LOG", "C:26:INFO", "C:27:VERIFY SUM ATTLOG"])

        #expect(await rig.server.waitUntil { $0.results(for: "25").count + $0.results(for: "26").count + $0.results(for: "27").count == 3 })
        await rig.stop()

        let report = try #require(rig.server.commandReports.first { $0.accepted && $0.lines.first == "ID=26&Return=0&CMD=INFO" })
        // Nothing but INFO's own key=value lines after its result line.
        #expect(report.lines.dropFirst().allSatisfy { !$0.hasPrefix("ID=") && $0.contains("=") })
        #expect(report.lines.contains("TransactionCount=100"))
        #expect(report.lines.contains("UserCount=1"))
        // The other results travelled in requests of their own.
        let others = rig.server.commandReports.filter { $0.accepted && $0.lines.first != "ID=26&Return=0&CMD=INFO" }
        #expect(others.allSatisfy { $0.lines.allSatisfy { $0.hasPrefix("ID=") } })
        #expect(Set(others.flatMap(\.lines)).isSuperset(of: ["ID=25&Return=0&CMD=LOG"]))
    }

    @Test func infoHeartbeatRidesOnThePollWithTheRecordCount() async throws {
        let rig = try await Self.drainedRig()
        #expect(await rig.eventually { rig.polls(since: 0) >= 2 })
        await rig.stop()

        let infos = rig.server.exchanges.filter { $0.kind == .getRequest }.compactMap { $0.query["INFO"] }
        let first = try #require(infos.first)
        let fields = first.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == 10)
        #expect(fields.first == "Hadir test")
        #expect(infos.contains { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "100" })
    }

    @Test func clearLogClearsOnlyWhatEveryServerAcknowledged() async throws {
        // The backup server has only the first 30 punches.
        let rig = try await Self.drainedRig(allServers: [UplinkClientRig.server, "backup"])
        try rig.database.setAckedSeq(server: "backup", seq: 30, atMilliseconds: nil)
        rig.server.queueCommands(["C:28:CLEAR LOG"])

        #expect(await rig.server.waitUntil { $0.results(for: "28").count == 1 })
        await rig.stop()

        #expect(rig.server.results(for: "28") == ["ID=28&Return=0&CMD=CLEAR_LOG&Remaining=70"])
        #expect(try rig.database.logClearedThroughSeq() == 30)
        // The journal keeps every row (decision 0006).
        #expect(try rig.database.punchCount() == Int(Self.punches))
    }

    @Test func dataQueryUserInfoUploadsOperationLogLines() async throws {
        let rig = try await Self.drainedRig()
        try rig.database.upsertUser(Employee(pin: ClientFixtures.pin("1001"), name: "Budi Santoso"), actor: "test")
        rig.server.queueCommands(["C:29:DATA QUERY USERINFO PIN=1001"])

        #expect(await rig.server.waitUntil { $0.results(for: "29").count == 1 })
        await rig.stop()

        #expect(rig.server.results(for: "29") == ["ID=29&Return=0&CMD=DATA"])
        let body = try #require(rig.server.operationLogBodies.first)
        #expect(body.hasPrefix("USER PIN=1001\tName=Budi Santoso\t"))
    }
}
