import HadirCore
import HadirStore
import HadirUplink
import Testing

/// Commands through getrequest and results through devicecmd (reference §3): a CmdID runs once
/// whatever the server repeats, malformed lines are answered or skipped without harm, and REBOOT
/// restarts only after the server has the result.
@Suite(.serialized) struct UplinkClientCommandTests {
    static let dateTime: Int64 = (try? ADMSCompactTime.encode(ClientFixtures.local(2026, 11, 23, 8, 0, 0))) ?? 0

    static func isSetClock(_ call: FakeKiosk.Call) -> Bool {
        if case .setClock = call { true } else { false }
    }

    @Test func repeatedCommandIDRunsOnceAndIsAnsweredWithTheStoredResult() async throws {
        let rig = try UplinkClientRig()
        rig.kiosk.edit { $0.clock = .refusedByPolicy("ntp is the authority") }
        let line = "C:7:SET OPTION DateTime=\(Self.dateTime)"
        // Twice in one reply, then again in a later one.
        rig.server.queueCommands([line, line])
        rig.server.queueCommands([line])
        rig.start()

        #expect(await rig.server.waitUntil { $0.pendingCommandGroups == 0 && $0.results(for: "7").count == 2 })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 2 })
        await rig.stop()

        #expect(rig.kiosk.count(Self.isSetClock) == 1)
        #expect(rig.server.results(for: "7") == Array(repeating: "ID=7&Return=-1004&CMD=SET OPTION", count: 2))
        let stored = try #require(try rig.database.processedCommand(server: UplinkClientRig.server, commandID: "7"))
        #expect(stored.returnCode == -1004)
        #expect(stored.reportedMilliseconds != nil)
    }

    @Test func commandIDsAreRememberedAcrossARestart() async throws {
        let rig = try UplinkClientRig()
        let line = "C:8:SET OPTION DateTime=\(Self.dateTime)"
        rig.server.queueCommands([line])
        rig.start()
        #expect(await rig.server.waitUntil { $0.results(for: "8").count == 1 })
        await rig.stop()

        rig.server.queueCommands([line])
        rig.start()
        #expect(await rig.server.waitUntil { $0.results(for: "8").count == 2 })
        await rig.stop()

        #expect(rig.kiosk.count(Self.isSetClock) == 1)
    }

    @Test func malformedAndRefusedCommandsAreAnsweredWithoutHarm() async throws {
        let rig = try UplinkClientRig(punches: 5)
        rig.server.queueCommands([
            "C:8:DATA UPDATE USERINFO Name=Nobody",
            "C::INFO",
            "C:ABCDEFGHIJKLMNOPQ:INFO",
            "C:bad id:INFO",
            "this is not a command",
            "C:9:FROBNICATE now",
            "C:10:SHELL rm -rf /",
            "C:11:DATA UPDATE FINGERTMP PIN=1001\tFID=0\tTMP=!!!",
            "C:12:GetFile /etc/shadow",
            "C:13:UPGRADE http://example.invalid/fw.bin",
            "C:14:SET OPTION DateTime=yesterday",
            "C:15:VERIFY SUM ATTLOG StartTime=2026-11-20 09:00:00\tEndTime=2026-11-20 08:00:00",
            "C:16:",
        ])
        rig.start()

        #expect(await rig.server.waitUntil { $0.reportedResults.count >= 9 })
        #expect(await rig.eventually { rig.cursor == 5 })
        // Still healthy afterwards: new punches go up, new commands run.
        try ClientFixtures.fill(rig.database, through: 6)
        rig.server.queueCommands(["C:17:DATA UPDATE USERINFO PIN=1700\tName=Agus"])
        #expect(await rig.eventually { rig.cursor == 6 && rig.server.results(for: "17").count == 1 })
        await rig.stop()

        // Results of one reply may be reported in any order; each exactly once.
        let results = rig.server.reportedResults
        #expect(results.count == 10)
        #expect(
            Set(results) == [
                "ID=8&Return=-1&CMD=DATA", "ID=9&Return=-1002&CMD=FROBNICATE", "ID=10&Return=-1002&CMD=SHELL",
                "ID=11&Return=-11&CMD=DATA", "ID=12&Return=-1002&CMD=GetFile", "ID=13&Return=-1002&CMD=UPGRADE",
                "ID=14&Return=-1&CMD=SET OPTION", "ID=15&Return=-1&CMD=VERIFY SUM", "ID=16&Return=-1&CMD=UNKNOWN",
                "ID=17&Return=0&CMD=DATA",
            ])
        #expect(rig.kiosk.calls.isEmpty)
        #expect(try rig.database.users().map(\.pin.rawValue) == ["1700"])
    }

    @Test func rebootRestartsOnlyAfterTheServerHasTheResult() async throws {
        let rig = try UplinkClientRig()
        rig.server.script(.deviceCommand, [.status(500), .resetMidBody])
        rig.server.queueCommands(["C:30:REBOOT"])
        rig.start()

        #expect(await rig.eventually(.seconds(30)) { rig.kiosk.calls.contains(.restart) })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 2 })
        await rig.stop()

        #expect(rig.kiosk.count { $0 == .restart } == 1)
        let accepted = try #require(rig.server.commandReports.first { $0.accepted && $0.lines.contains("ID=30&Return=0&CMD=REBOOT") })
        let restartedAt = try #require(rig.kiosk.timedCalls.first { $0.0 == .restart }?.1)
        #expect(accepted.at < restartedAt)
        #expect(rig.server.commandReports.filter { !$0.accepted }.count == 2)
    }

    @Test func rebootWhoseResultIsDeliveredAtOnceRestartsOnce() async throws {
        let rig = try UplinkClientRig()
        rig.server.queueCommands(["C:31:REBOOT"])
        rig.start()

        #expect(await rig.eventually { rig.kiosk.calls.contains(.restart) })
        let settled = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: settled) >= 2 })
        await rig.stop()

        #expect(rig.kiosk.calls == [.restart])
        #expect(rig.server.results(for: "31") == ["ID=31&Return=0&CMD=REBOOT"])
    }

    @Test func logAndCheckSendPendingPunchesNow() async throws {
        // No Realtime and no schedule, so only LOG (and CHECK) can explain an upload.
        let rig = try UplinkClientRig(punches: 0) { $0.fallbackUploadInterval = .seconds(3600) }
        rig.server.setExtraOptions(["Realtime=0", "TransInterval=0", "TransTimes="])
        rig.start()
        #expect(await rig.eventually { rig.polls(since: 0) >= 2 })
        try ClientFixtures.fill(rig.database, through: 20)
        let before = rig.server.exchanges.count
        #expect(await rig.eventually { rig.polls(since: before) >= 3 })
        #expect(rig.server.uploads.isEmpty)

        rig.server.queueCommands(["C:50:LOG"])
        #expect(await rig.eventually { rig.cursor == 20 })
        try ClientFixtures.fill(rig.database, through: 30)
        rig.server.queueCommands(["C:51:CHECK"])
        #expect(await rig.eventually { rig.cursor == 30 })
        await rig.stop()

        #expect(rig.server.storedSeqs.isExactly(1...30))
        #expect(rig.server.results(for: "50") == ["ID=50&Return=0&CMD=LOG"])
        #expect(rig.server.results(for: "51") == ["ID=51&Return=0&CMD=CHECK"])
        #expect(rig.server.exchanges.filter { $0.kind == .handshake }.count == 2)
    }
}
