import HadirCore
import HadirStore
import HadirUplink
import Testing

/// The kiosk's wall clock jumps (DESIGN §7.5): the client neither freezes nor skips anything.
@Suite(.serialized) struct UplinkClientClockTests {
    @Test func clockSetBackADayKeepsPollingAndUploading() async throws {
        let rig = try UplinkClientRig(punches: 5)
        rig.start()
        #expect(await rig.eventually { rig.cursor == 5 && rig.polls(since: 0) >= 2 })

        rig.clock.jump(to: -86_400_000)

        let before = rig.server.exchanges.count
        #expect(await rig.eventually(.seconds(10)) { rig.polls(since: before) >= 3 }, "no poll after the clock went back")
        try ClientFixtures.fill(rig.database, through: 8)
        #expect(await rig.eventually { rig.cursor == 8 })
        await rig.stop()
        #expect(rig.server.storedSeqs.isExactly(1...8))
    }

    @Test func clockSetBackDuringAnOutageStillReconnects() async throws {
        let rig = try UplinkClientRig(punches: 5)
        try await rig.server.setOnline(false)
        rig.start()
        #expect(await rig.eventually { rig.state?.lastError != nil })

        rig.clock.jump(to: -86_400_000)
        try await rig.server.setOnline(true)

        #expect(await rig.eventually(.seconds(10)) { rig.cursor == 5 }, "no reconnection after the clock went back")
        await rig.stop()
    }

    @Test func clockSetForwardADayKeepsDeliveringInOrder() async throws {
        let rig = try UplinkClientRig(punches: 5)
        rig.start()
        #expect(await rig.eventually { rig.cursor == 5 })

        rig.clock.jump(to: 86_400_000)
        try ClientFixtures.fill(rig.database, through: 9)

        #expect(await rig.eventually { rig.cursor == 9 })
        let before = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: before) >= 2 })
        await rig.stop()
        #expect(rig.server.storedSeqs.isExactly(1...9))
    }
}
