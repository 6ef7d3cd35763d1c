import HadirCore
import HadirStore
import HadirUplink
import Testing

/// The network is down for days and the backlog piles up (DESIGN §7.4): when the server comes back,
/// everything arrives exactly once, in order, and the cursor and backlog say so.
@Suite(.serialized) struct UplinkClientOutageTests {
    static let queuedBeforeStart: Int64 = 19_000
    static let punchedDuringOutage: Int64 = 1_000

    @Test func threeDayOutageDeliversEveryQueuedPunchExactlyOnceInOrder() async throws {
        let rig = try UplinkClientRig(punches: Self.queuedBeforeStart)
        let total = Self.queuedBeforeStart + Self.punchedDuringOutage
        #expect(ClientFixtures.utc(ofSeq: total) - ClientFixtures.utc(ofSeq: 1) >= 3 * 86_400_000 - 60_000)

        // Down hard: connections refused.
        try await rig.server.setOnline(false)
        rig.start()
        #expect(await rig.eventually { rig.state?.lastError?.contains("connection failed") == true }, "\(String(describing: rig.state))")
        // Punches keep coming while the server is away.
        try ClientFixtures.fill(rig.database, through: total)

        // Back, but answering 503 to everything for a while (an unregistered or overloaded server).
        rig.server.setRule { _ in .status(503) }
        try await rig.server.setOnline(true)
        #expect(await rig.server.waitUntil { $0.exchanges.count >= 4 })
        #expect(rig.cursor == 0)

        // Healthy again.
        rig.server.setRule(nil)
        #expect(await rig.eventually(.seconds(120)) { rig.cursor == total }, "cursor \(rig.cursor)")
        await rig.stop()

        let server = rig.server
        // Nothing was stored while the server refused; after recovery each seq once, in order.
        #expect(server.uploads.filter { $0.disposition == .refused }.allSatisfy { server.exchanges[$0.exchange].fault != nil })
        #expect(server.storedSeqs.isExactly(1...total), "stored \(server.storedSeqs.count) lines for \(total) punches")
        #expect(server.uploads.filter(\.isStored).allSatisfy { $0.disposition == .accepted })
        // Each batch is named by the seq of its last record, and batches never overlap or go back.
        let accepted = server.uploads.filter { $0.disposition == .accepted }
        #expect(accepted.allSatisfy { $0.stamp == $0.seqs.last })
        #expect(accepted.allSatisfy { $0.seqs.count <= UplinkConfiguration().maxBatch })
        #expect(rig.cursor == total)
        #expect(rig.backlog == 0)
        #expect(try rig.database.quarantinedPunches(server: UplinkClientRig.server).isEmpty)
        #expect(rig.cursorNeverRanAhead())
        // Polls carried on during the drain (commands are not starved by a long upload).
        #expect(server.exchanges.filter { $0.kind == .getRequest && $0.fault == nil }.count >= 1)
    }

    /// Stopping the uplink aborts the request in flight; status must keep the server's real error.
    @Test func stoppingMidRequestKeepsTheLastRealError() async throws {
        let rig = try UplinkClientRig(punches: 3, totalTimeout: .seconds(30))
        rig.server.script(.handshake, [.status(503), .slowReply(.seconds(20))])
        rig.start()
        #expect(await rig.server.waitUntil { $0.exchanges.count == 2 })

        await rig.stop()

        #expect(rig.state?.lastError == "handshake: HTTP 503")
    }

    @Test func punchTakenWhileConnectedIsUploadedWithoutBeingAsked() async throws {
        let rig = try UplinkClientRig(punches: 3)
        rig.start()
        #expect(await rig.eventually { rig.cursor == 3 })

        try ClientFixtures.fill(rig.database, through: 4)

        #expect(await rig.eventually { rig.cursor == 4 })
        await rig.stop()
        #expect(rig.server.storedSeqs.isExactly(1...4))
    }

    @Test func syncRequestCutsAnUploadBackoffShort() async throws {
        // A long backoff, so only the sync request can explain a quick retry.
        let rig = try UplinkClientRig(punches: 10) {
            $0.backoffBase = .seconds(60)
            $0.backoffCap = .seconds(60)
            $0.minimumRetryDelay = .seconds(30)
        }
        rig.server.script(.attendanceUpload, [.status(500)])
        rig.start()
        #expect(await rig.server.waitUntil { $0.uploads.count == 1 })

        rig.client.requestSync()

        #expect(await rig.eventually { rig.cursor == 10 })
        await rig.stop()
        #expect(rig.server.acceptedSeqs.isExactly(1...10))
    }
}
