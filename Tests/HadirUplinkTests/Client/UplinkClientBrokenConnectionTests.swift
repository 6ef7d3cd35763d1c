import HadirCore
import HadirStore
import HadirUplink
import Testing

/// The server closes mid-body, resets, or is slower than the client's total timeout (DESIGN §7.4).
/// The batch is retried; a reply that was lost after the server stored the batch is the one case
/// where the protocol forces a duplicate, and only that batch is duplicated.
@Suite(.serialized) struct UplinkClientBrokenConnectionTests {
    static let punches: Int64 = 1_000

    @Test func lostRepliesAreRetriedAndOnlyTheirBatchesArriveTwice() async throws {
        let rig = try UplinkClientRig(punches: Self.punches, totalTimeout: .seconds(1)) { $0.maxBatch = 100 }
        rig.server.script(
            .attendanceUpload, [nil, .resetMidBody, nil, .slowReply(.seconds(3)), nil, .resetWithoutReply, nil, .resetMidBody])
        rig.start()

        #expect(await rig.eventually { rig.cursor == Self.punches }, "cursor \(rig.cursor)")
        await rig.stop()

        let server = rig.server
        let uploads = server.uploads
        // Acknowledged exactly once each, in order.
        #expect(server.acceptedSeqs.isExactly(1...Self.punches))
        // Stored at least once each; the extra copies are exactly the batches whose reply was lost.
        #expect(Set(server.storedSeqs) == Set(1...Self.punches))
        let lost = uploads.filter { $0.disposition == .storedReplyLost }
        #expect(lost.count == 3)
        #expect(server.storedSeqs.count == Int(Self.punches) + lost.reduce(0) { $0 + $1.seqs.count })
        // Each broken exchange is followed by the same records again.
        for (index, upload) in uploads.enumerated() where upload.disposition != .accepted {
            let retry = try #require(uploads.dropFirst(index + 1).first)
            #expect(retry.seqs.first == upload.seqs.first)
            #expect(Set(upload.seqs).isSubset(of: Set(retry.seqs)) || Set(retry.seqs).isSubset(of: Set(upload.seqs)))
        }
        #expect(rig.cursorNeverRanAhead())
        #expect(rig.backlog == 0)
        #expect(try rig.database.quarantinedPunches(server: UplinkClientRig.server).isEmpty)
    }

    @Test func brokenPollsAreRetriedAndCommandsStillRun() async throws {
        let rig = try UplinkClientRig(punches: 0, totalTimeout: .seconds(1))
        rig.server.script(.getRequest, [.slowReply(.seconds(3)), .resetMidBody, .resetWithoutReply])
        rig.server.queueCommands(["C:41:DATA UPDATE USERINFO PIN=4100\tName=Rina"])
        rig.start()

        #expect(await rig.server.waitUntil { $0.results(for: "41").count == 1 })
        await rig.stop()

        #expect(rig.server.results(for: "41") == ["ID=41&Return=0&CMD=DATA"])
        #expect(try rig.database.user(pin: ClientFixtures.pin("4100"))?.name == "Rina")
        #expect(rig.state?.lastError?.hasPrefix("poll:") == true)
    }

    @Test func brokenResultReportIsSentAgainWithoutRunningTheCommandTwice() async throws {
        let rig = try UplinkClientRig(punches: 0, totalTimeout: .seconds(1))
        let when = try ADMSCompactTime.encode(ClientFixtures.local(2026, 11, 23, 8, 0, 0))
        rig.server.script(.deviceCommand, [.resetMidBody, .status(500)])
        // The server did not get the result, so it hands the command out again.
        rig.server.queueCommands(["C:42:SET OPTION DateTime=\(when)"])
        rig.server.queueCommands(["C:42:SET OPTION DateTime=\(when)"])
        rig.start()

        #expect(await rig.server.waitUntil { $0.results(for: "42").count >= 1 && $0.pendingCommandGroups == 0 })
        #expect(await rig.eventually { (try? rig.database.unreportedCommandResults(server: UplinkClientRig.server).isEmpty) == true })
        await rig.stop()

        #expect(rig.kiosk.count { if case .setClock = $0 { true } else { false } } == 1)
        #expect(Set(rig.server.results(for: "42")) == ["ID=42&Return=0&CMD=SET OPTION"])
    }
}
