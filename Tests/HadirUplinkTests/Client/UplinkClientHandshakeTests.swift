import HadirCore
import HadirStore
import HadirUplink
import Testing

/// What the handshake reply changes for the running client (reference §1, §4): options uploads,
/// the tables the server wants, and the clock drift read from `Date`.
@Suite(.serialized) struct UplinkClientHandshakeTests {
    @Test func requestedOptionsAreUploadedBeforeAnythingElse() async throws {
        let rig = try UplinkClientRig(punches: 3)
        rig.server.setExtraOptions(["PushOptionsFlag=1", "PushOptions=FWVersion,PushVersion"])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 3 })
        await rig.stop()

        let exchanges = rig.server.exchanges
        #expect(exchanges.prefix(2).map(\.kind) == [.handshake, .options])
        #expect(exchanges[1].body == "FWVersion=Hadir test,PushVersion=2.4.1")
    }

    @Test func optionsUploadServerErrorRetriesTheHandshakeAndARefusalIsSkipped() async throws {
        let rig = try UplinkClientRig(punches: 3)
        rig.server.setExtraOptions(["PushOptionsFlag=1"])
        rig.server.script(.options, [.status(503), .status(404)])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 3 })
        await rig.stop()

        #expect(rig.server.exchanges.prefix(4).map(\.kind) == [.handshake, .options, .handshake, .options])
        #expect(rig.server.storedSeqs.isExactly(1...3))
    }

    @Test func punchesAreHeldWhileTheServerDoesNotWantAttendanceAndSentWhenItDoes() async throws {
        let rig = try UplinkClientRig(punches: 10)
        rig.server.setExtraOptions(["TransFlag=TransData OpLog EnrollUser"])
        rig.start()
        #expect(await rig.eventually { rig.polls(since: 0) >= 3 })
        #expect(rig.server.uploads.isEmpty)
        #expect(rig.backlog == 10)

        rig.server.setExtraOptions([])
        rig.server.queueCommands(["C:1:CHECK"])

        #expect(await rig.eventually { rig.cursor == 10 })
        await rig.stop()
        #expect(rig.server.storedSeqs.isExactly(1...10))
    }

    @Test func handshakeRecordsTheServerClockDrift() async throws {
        let rig = try UplinkClientRig()
        rig.server.setDateSkew(seconds: 3600)
        rig.start()

        #expect(await rig.eventually { rig.state?.lastHandshakeMilliseconds != nil })
        await rig.stop()

        let drift = try #require(rig.state?.clockDriftMilliseconds)
        // The Date header has whole seconds: within a second and a half of the true skew.
        #expect(abs(drift - 3_600_000) < 1_500, "drift \(drift) ms")
        // The kiosk is told, so a server-authoritative one can correct its clock.
        #expect(rig.kiosk.observedDrifts.contains { abs($0 - 3_600_000) < 1_500 })
    }

    @Test func dateOfASlowHandshakeIsNotTrusted() async throws {
        let rig = try UplinkClientRig(totalTimeout: .seconds(15))
        rig.server.setDateSkew(seconds: 3600)
        rig.server.script(.handshake, [.slowReply(.milliseconds(5_300))])
        rig.start()

        #expect(await rig.eventually(.seconds(30)) { rig.state?.lastHandshakeMilliseconds != nil })
        await rig.stop()

        #expect(rig.state?.clockDriftMilliseconds == nil)
        #expect(rig.kiosk.observedDrifts.isEmpty)
    }

    @Test func aspxSuffixIsOnEveryEndpoint() async throws {
        let rig = try UplinkClientRig(punches: 3, settings: { $0.aspx = true })
        rig.server.setExtraOptions(["PushOptionsFlag=1"])
        rig.server.queueCommands(["C:1:INFO"])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 3 && rig.server.results(for: "1").count == 1 })
        await rig.stop()

        let paths = Set(rig.server.exchanges.map(\.path))
        #expect(paths == ["/iclock/cdata.aspx", "/iclock/getrequest.aspx", "/iclock/devicecmd.aspx"])
    }
}
