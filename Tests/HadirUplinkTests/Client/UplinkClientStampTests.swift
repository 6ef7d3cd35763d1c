import HadirCore
import HadirStore
import HadirUplink
import Testing

/// The server loses data and resets its stamps (DESIGN §7.4, reference §1.1): the handshake's
/// `ATTLOGStamp` can only make the kiosk send more, never skip anything.
@Suite(.serialized) struct UplinkClientStampTests {
    static let punches: Int64 = 100

    /// A rig whose server had acknowledged everything before a restart.
    static func rigWithEverythingAcked(legacyStamps: Bool = false) throws -> UplinkClientRig {
        let rig = try UplinkClientRig(punches: punches) { $0.legacyStamps = legacyStamps }
        try rig.database.setAckedSeq(server: UplinkClientRig.server, seq: punches, atMilliseconds: nil)
        return rig
    }

    /// Runs until `lines` ATTLOG lines arrived and a few polls went by after the last upload.
    static func run(_ rig: UplinkClientRig, expectingLines lines: Int) async {
        rig.start()
        #expect(await rig.server.waitUntil { $0.storedSeqs.count >= lines })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 3 })
        await rig.stop()
    }

    @Test func stampBelowTheCursorRewindsAndResendsFromThere() async throws {
        let rig = try Self.rigWithEverythingAcked()
        rig.server.replyStamps([.text("40")])

        await Self.run(rig, expectingLines: 60)

        #expect(rig.server.storedSeqs.isExactly(41...Self.punches))
        #expect(rig.cursor == Self.punches)
        #expect(rig.backlog == 0)
    }

    @Test func stampZeroReplaysEverythingRetained() async throws {
        let rig = try Self.rigWithEverythingAcked()
        rig.server.replyStamps([.text("0")])

        await Self.run(rig, expectingLines: Int(Self.punches))

        #expect(rig.server.storedSeqs.isExactly(1...Self.punches))
        #expect(rig.cursor == Self.punches)
    }

    @Test func stampNoneIsInformationalByDefault() async throws {
        let rig = try Self.rigWithEverythingAcked()
        rig.server.setDefaultStamp(.text("None"))

        await Self.run(rig, expectingLines: 0)

        #expect(rig.server.uploads.isEmpty)
        #expect(rig.cursor == Self.punches)
    }

    @Test func stampNoneReplaysEverythingForALegacyServer() async throws {
        let rig = try Self.rigWithEverythingAcked(legacyStamps: true)
        rig.server.replyStamps([.text("None")])

        await Self.run(rig, expectingLines: Int(Self.punches))

        #expect(rig.server.storedSeqs.isExactly(1...Self.punches))
        #expect(rig.cursor == Self.punches)
    }

    @Test func stampAboveTheCursorChangesNothing() async throws {
        let rig = try Self.rigWithEverythingAcked()
        rig.server.setDefaultStamp(.text("9999"))

        await Self.run(rig, expectingLines: 0)

        #expect(rig.server.uploads.isEmpty)
        #expect(rig.cursor == Self.punches)
    }

    @Test func serverThatLostDataAfterARestartGetsItBackOnTheNextHandshake() async throws {
        let rig = try UplinkClientRig(punches: Self.punches)
        rig.start()
        #expect(await rig.eventually { rig.cursor == Self.punches })

        // The server is restored from a backup taken at seq 70, and asks the kiosk to CHECK in.
        rig.server.replyStamps([.text("70")])
        rig.server.queueCommands(["C:1:CHECK"])

        #expect(await rig.server.waitUntil { $0.storedSeqs.count >= Int(Self.punches) + 30 })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 3 })
        await rig.stop()

        #expect(rig.server.storedSeqs == Array(1...Self.punches) + Array(71...Self.punches))
        #expect(rig.cursor == Self.punches)
    }
}
