import HadirCore
import Logging
import Testing

@testable import HadirDaemon

@Suite struct ConfigReloadPlanTests {
    let running = HadirConfiguration()

    @Test func anUnchangedFileChangesNothing() {
        let plan = ConfigReloadPlan(running: running, loaded: HadirConfiguration())
        #expect(plan.isEmpty)
        #expect(plan.effective.output.logLevel == running.output.logLevel)
    }

    @Test func liveKeysAreAppliedToTheEffectiveConfiguration() {
        var loaded = running
        loaded.output.logLevel = .debug
        loaded.policy.duplicateWindowSeconds = 5
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied == ["policy.duplicate_window_s", "output.log_level"])
        #expect(plan.restartNeeded.isEmpty)
        #expect(plan.effective.output.logLevel == .debug)
        #expect(plan.effective.policy.duplicateWindowSeconds == 5)
    }

    @Test func restartKeysAreReportedAndKeepTheirRunningValues() {
        var loaded = running
        loaded.device.stateDirectory = "/srv/hadir"
        loaded.scanner.path = "/dev/ttyUSB1"
        loaded.pull.port = 4371
        loaded.device.language = .english
        loaded.output.feedbackLines = false
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied.isEmpty)
        #expect(plan.restartNeeded == ["device.state_dir", "device.language", "scanner.path", "pull.port", "output.feedback_lines"])
        #expect(plan.effective.device.stateDirectory == running.device.stateDirectory)
        #expect(plan.effective.scanner.path == running.scanner.path)
        #expect(plan.effective.pull.port == 4370)
    }

    @Test func mixedChangesSplitIntoAppliedAndRestartNeeded() {
        var loaded = running
        loaded.output.logLevel = .warning
        loaded.scanner.baud = 115_200
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied == ["output.log_level"])
        #expect(plan.restartNeeded == ["scanner.baud"])
        #expect(plan.effective.output.logLevel == .warning)
        #expect(plan.effective.scanner.baud == running.scanner.baud)
    }

    @Test func policyWindowsApplyLiveButANewZoneWaitsForTheRestart() throws {
        var loaded = running
        let base = running.policy.profile
        loaded.policy.profile = try AttendanceProfile(
            id: base.id, displayName: base.displayName, zone: .wita, checkInOpens: ClockTime(hour: 5, minute: 30),
            lateAfter: base.lateAfter, checkInCloses: base.checkInCloses, checkOutOpens: base.checkOutOpens,
            checkOutCloses: base.checkOutCloses)
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied == ["policy.check_in_opens"])
        #expect(plan.restartNeeded == ["policy.zone"])
        #expect(plan.effective.policy.profile.checkInOpens == ClockTime(hour: 5, minute: 30))
        #expect(plan.effective.policy.profile.zone == base.zone)
    }

    @Test func anotherProfileIsAppliedLive() throws {
        let other = try #require(
            AttendanceProfile.fieldProfiles.values.first { $0.id != running.policy.profile.id && $0.zone == running.policy.profile.zone })
        var loaded = running
        loaded.policy.profile = other
        let plan = ConfigReloadPlan(running: running, loaded: loaded)
        #expect(plan.applied.contains("policy.profile"))
        #expect(plan.restartNeeded.isEmpty)
        #expect(plan.effective.policy.profile == other)
    }

    @Test func uplinkServersNeedARestartPerServer() {
        var server = HadirConfiguration.UplinkServer(name: "bkpsdm")
        server.url = "http://10.0.0.5/iclock/"
        var before = running
        before.uplinks = [server]
        var loaded = running
        server.maxBatch = 100
        loaded.uplinks = [server, HadirConfiguration.UplinkServer(name: "backup")]
        let plan = ConfigReloadPlan(running: before, loaded: loaded)
        #expect(plan.restartNeeded == ["uplink.backup", "uplink.bkpsdm"])
        #expect(plan.effective.uplinks == before.uplinks)
    }

    @Test func everyKeyNameIsAKeyTheSchemaKnows() {
        for key in ConfigReloadKeys.all {
            let parts = key.name.split(separator: ".").map(String.init)
            #expect(parts.count == 2, "\(key.name)")
            #expect(ConfigSchema.keys[parts[0]]?[parts[1]] != nil, "\(key.name) is not in ConfigSchema")
        }
    }
}
