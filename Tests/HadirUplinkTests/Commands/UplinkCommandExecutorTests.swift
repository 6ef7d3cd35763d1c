import HadirCore
import HadirStore
import HadirUplink
import Testing

/// Every ADMS command against a real database and a fake kiosk: the `Return=` code, the store's
/// state, the kiosk calls, and the follow-up left for the client (reference §3).
@Suite struct UplinkCommandExecutorTests {
    static let template = "AQIDBAU="  // [1, 2, 3, 4, 5], 8 characters of base64
    static let templateBytes: [UInt8] = [1, 2, 3, 4, 5]

    // MARK: Users

    @Test func updateUserAddsThenRenamesTheEmployee() async throws {
        let rig = try ExecutorRig()

        let added = await rig.run("DATA UPDATE USERINFO PIN=1001\tName=Budi\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=0")
        let renamed = await rig.run("DATA UPDATE USERINFO PIN=1001\tName=Budi Santoso")

        #expect(added.result.encoded == "ID=1&Return=0&CMD=DATA")
        #expect(added.followUp == nil)
        #expect(renamed.result.returnCode == .success)
        #expect(try rig.database.user(pin: ClientFixtures.pin("1001"))?.name == "Budi Santoso")
        let audit = try rig.database.auditLog(limit: 2)
        #expect(audit.allSatisfy { $0.actor == "server:main" })
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test func deleteUserGoesThroughTheKiosk() async throws {
        let rig = try ExecutorRig()
        let pin = try rig.addEmployee("1001")

        #expect(await rig.code("DATA DELETE USERINFO PIN=1001") == 0)

        #expect(rig.kiosk.calls == [.removeUser(pin)])
        #expect(try rig.database.user(pin: pin) == nil)
    }

    @Test func deletingAnEmployeeWhoIsAlreadyGoneIsDone() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("DATA DELETE USERINFO PIN=1001") == 0)
        #expect(await rig.code("DATA DEL_USER PIN=1001") == 0)

        #expect(rig.kiosk.calls.isEmpty)
    }

    // MARK: Templates

    @Test(arguments: [
        (TemplateInstallOutcome.stored(slot: 4), 0),
        (.employeeAlreadyHasFinger, 2),
        (.duplicateOf(ClientFixtures.pin("2002")), 5),
        (.invalidTemplate("module rejected it"), -12),
        (.failed("scanner unplugged"), -3),
    ])
    func fingerTemplateOutcomeIsTheReturnCode(outcome: TemplateInstallOutcome, code: Int) async throws {
        let rig = try ExecutorRig { $0.install = outcome }
        let pin = try rig.addEmployee("1001")

        let result = await rig.run("DATA UPDATE FINGERTMP PIN=1001\tFID=6\tSize=8\tValid=1\tTMP=\(Self.template)")

        #expect(result.result.returnCode.rawValue == code)
        #expect(result.result.cmdToken == "DATA")
        #expect(rig.kiosk.calls == [.installTemplate(Self.templateBytes, pin)])
    }

    @Test func templateSizeMayCountTheBase64OrTheBytes() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")

        #expect(await rig.code("DATA UPDATE FINGERTMP PIN=1001\tFID=0\tSize=5\tTMP=\(Self.template)") == 0)
        #expect(await rig.code("DATA FP PIN=1001\tFID=0\tTMP=\(Self.template)") == 0)
    }

    @Test func templateSizeMismatchIsRefusedBeforeTheKiosk() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")

        #expect(await rig.code("DATA UPDATE FINGERTMP PIN=1001\tFID=0\tSize=99\tTMP=\(Self.template)") == -9)
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test func templateForAPINNotOnTheDeviceIsRefusedBeforeTheKiosk() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("DATA UPDATE FINGERTMP PIN=1001\tFID=0\tTMP=\(Self.template)") == -10)
        #expect(await rig.code("DATA UPDATE BIODATA Pin=1001\tNo=0\tType=1\tTmp=\(Self.template)") == -10)
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test func templateThatIsNotBase64IsAnIllegalFormat() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")

        let result = await rig.run("DATA UPDATE FINGERTMP PIN=1001\tFID=0\tTMP=@@not base64@@", id: "77")

        #expect(result.result.encoded == "ID=77&Return=-11&CMD=DATA")
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test func fingerprintBiodataIsInstalledLikeATemplate() async throws {
        let rig = try ExecutorRig()
        let pin = try rig.addEmployee("1001")

        let code = await rig.code(
            "DATA UPDATE BIODATA Pin=1001\tNo=6\tIndex=0\tValid=1\tDuress=0\tType=1\tMajorVer=10\tMinorVer=0\tFormat=0\tTmp=\(Self.template)"
        )

        #expect(code == 0)
        #expect(rig.kiosk.calls == [.installTemplate(Self.templateBytes, pin)])
    }

    @Test func faceBiodataIsNotSupported() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")

        #expect(await rig.code("DATA UPDATE BIODATA Pin=1001\tNo=0\tIndex=0\tValid=1\tType=9\tTmp=\(Self.template)") == -1002)
        #expect(await rig.code("DATA DELETE BIODATA Pin=1001\tType=9") == -1002)
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test func deleteFingerTemplateGoesThroughTheKiosk() async throws {
        let rig = try ExecutorRig()
        let pin = try rig.addEmployee("1001")
        try rig.addFinger("1001", slot: 3)

        #expect(await rig.code("DATA DELETE FINGERTMP PIN=1001\tFID=0") == 0)
        #expect(await rig.code("DATA DEL_FP PIN=1001") == 0)
        #expect(await rig.code("DATA DELETE BIODATA Pin=1001\tType=1\tNo=0") == 0)
        #expect(await rig.code("DATA DELETE BIODATA Pin=1001") == 0)

        #expect(rig.kiosk.calls == Array(repeating: .deleteFinger(pin), count: 4))
        #expect(try rig.database.fingerSlot(pin: pin) == nil)
        #expect(try rig.database.user(pin: pin) != nil)
    }

    /// Like DELETE USERINFO: the finger of someone the kiosk does not know is already gone. A
    /// read/write error here would make the server retry a command that can never do anything.
    @Test func deletingTheFingerOfAPINNotOnTheDeviceIsDone() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("DATA DELETE FINGERTMP PIN=1001") == 0)
        #expect(await rig.code("DATA DELETE BIODATA Pin=1001\tType=1") == 0)

        #expect(rig.kiosk.calls.isEmpty)
    }

    // MARK: Queries

    @Test func queryAttendanceLeavesTheReuploadToTheClient() async throws {
        let rig = try ExecutorRig()

        let outcome = await rig.run("DATA QUERY ATTLOG StartTime=2026-11-20 07:00:00\tEndTime=2026-11-20 17:00:00")

        #expect(outcome.result.encoded == "ID=1&Return=0&CMD=DATA")
        let range = ADMSTimeRange(start: ClientFixtures.local(2026, 11, 20, 7, 0, 0), end: ClientFixtures.local(2026, 11, 20, 17, 0, 0))
        #expect(outcome.followUp == .resendAttendance(range))
    }

    @Test func queryUsersUploadsUserLines() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001", name: "Budi")
        try rig.addEmployee("1002", name: "Sari")

        let one = await rig.run("DATA QUERY USERINFO PIN=1002")
        let all = await rig.run("DATA QUERY USERINFO")
        let missing = await rig.run("DATA QUERY USERINFO PIN=9999")

        guard case .uploadOperationLog(let lines) = one.followUp, case .uploadOperationLog(let everyone) = all.followUp else {
            Issue.record("no OPERLOG upload: \(String(describing: one.followUp)) \(String(describing: all.followUp))")
            return
        }
        #expect(lines.count == 1 && lines[0].hasPrefix("USER PIN=1002\tName=Sari\t"))
        #expect(everyone.count == 2 && everyone[0].hasPrefix("USER PIN=1001\t"))
        #expect(missing.result.returnCode == .pinNotOnDevice && missing.followUp == nil)
    }

    @Test func queryFingerTemplatesUploadsTheStoredTemplate() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")
        try rig.addFinger("1001", slot: 2, template: Self.templateBytes)

        let outcome = await rig.run("DATA QUERY FINGERTMP PIN=1001")

        guard case .uploadOperationLog(let lines) = outcome.followUp else {
            Issue.record("no OPERLOG upload")
            return
        }
        #expect(lines.count == 1 && lines[0].hasPrefix("FP PIN=1001\t") && lines[0].hasSuffix("TMP=\(Self.template)"))
        #expect(await rig.code("DATA QUERY FINGERTMP PIN=4040") == -10)
    }

    // MARK: Clearing

    @Test func clearLogClearsOnlyWhatEveryServerAcknowledged() async throws {
        let rig = try ExecutorRig(allServers: ["main", "backup"])
        try ClientFixtures.fill(rig.database, through: 100)
        try rig.database.setAckedSeq(server: "main", seq: 100, atMilliseconds: nil)
        try rig.database.setAckedSeq(server: "backup", seq: 30, atMilliseconds: nil)

        let outcome = await rig.run("CLEAR LOG", id: "5")

        #expect(outcome.result.encoded == "ID=5&Return=0&CMD=CLEAR_LOG&Remaining=70")
        #expect(try rig.database.logClearedThroughSeq() == 30)
        #expect(try rig.database.punchCount() == 100)
        #expect(try rig.database.auditLog(limit: 1).first?.actor == "server:main")
    }

    @Test func clearLogWithAServerThatNeverConnectedClearsNothing() async throws {
        let rig = try ExecutorRig(allServers: ["main", "backup"])
        try ClientFixtures.fill(rig.database, through: 10)
        try rig.database.setAckedSeq(server: "main", seq: 10, atMilliseconds: nil)

        #expect(await rig.run("CLEAR LOG").result.encoded == "ID=1&Return=0&CMD=CLEAR_LOG&Remaining=10")
        #expect(try rig.database.logClearedThroughSeq() == 0)
    }

    /// A quarantined punch is behind the cursor but was never delivered: clearing past it would drop
    /// an undelivered punch from the device's counts.
    @Test func clearLogStopsBeforeAQuarantinedPunch() async throws {
        let rig = try ExecutorRig(allServers: ["main", "backup"])
        try ClientFixtures.fill(rig.database, through: 100)
        try rig.database.setAckedSeq(server: "main", seq: 100, atMilliseconds: nil)
        try rig.database.setAckedSeq(server: "backup", seq: 100, atMilliseconds: nil)
        try rig.database.quarantinePunch(server: "backup", seq: 42, reason: "reply without OK: FAIL", tries: 5, atMilliseconds: 0)

        #expect(await rig.run("CLEAR LOG").result.encoded == "ID=1&Return=0&CMD=CLEAR_LOG&Remaining=59")
        #expect(try rig.database.logClearedThroughSeq() == 41)
    }

    @Test func clearDataRemovesEveryEmployeeAndClearsTheAcknowledgedLog() async throws {
        let rig = try ExecutorRig()
        let budi = try rig.addEmployee("1001")
        let sari = try rig.addEmployee("1002")
        try rig.addFinger("1001", slot: 1)
        try ClientFixtures.fill(rig.database, through: 20)
        try rig.database.setAckedSeq(server: "main", seq: 15, atMilliseconds: nil)

        let outcome = await rig.run("CLEAR DATA")

        #expect(outcome.result.encoded == "ID=1&Return=0&CMD=CLEAR_DATA&Remaining=5")
        #expect(Set(rig.kiosk.calls) == [.removeUser(budi), .removeUser(sari)])
        #expect(try rig.database.users().isEmpty)
        #expect(try rig.database.logClearedThroughSeq() == 15)
    }

    @Test func clearBiodataRemovesFingersAndKeepsEmployees() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")
        try rig.addFinger("1001", slot: 1)

        #expect(await rig.run("CLEAR BIODATA").result.encoded == "ID=1&Return=0&CMD=CLEAR_BIODATA")

        #expect(rig.kiosk.calls == [.clearFingers])
        #expect(try rig.database.fingerSlots().isEmpty)
        #expect(try rig.database.users().count == 1)
    }

    // MARK: Session commands

    @Test(arguments: [
        ("CHECK", "CHECK", UplinkFollowUp.rehandshake),
        ("LOG", "LOG", .uploadNow),
        ("RELOAD OPTIONS", "RELOAD OPTIONS", .reloadOptions),
        ("REBOOT", "REBOOT", .restart),
    ])
    func sessionCommandsLeaveTheirFollowUp(text: String, token: String, followUp: UplinkFollowUp) async throws {
        let rig = try ExecutorRig()

        let outcome = await rig.run(text, id: "9")

        #expect(outcome.result.encoded == "ID=9&Return=0&CMD=\(token)")
        #expect(outcome.followUp == followUp)
        // REBOOT restarts only after the client reported the result.
        #expect(rig.kiosk.calls.isEmpty)
    }

    // MARK: VERIFY SUM and INFO

    @Test func verifySumCountsTheRangeWithBothEndsInclusive() async throws {
        let rig = try ExecutorRig()
        try ClientFixtures.fill(rig.database, through: 20)
        let start = ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: 5))
        let end = ClientFixtures.localText(utc: ClientFixtures.utc(ofSeq: 9))

        let bounded = await rig.run("VERIFY SUM ATTLOG StartTime=\(start)\tEndTime=\(end)")
        let open = await rig.run("VERIFY SUM ATTLOG StartTime=\(start)")
        let all = await rig.run("VERIFY SUM ATTLOG")

        #expect(bounded.result.encoded == "ID=1&Return=0&CMD=VERIFY SUM&StartTime=\(start)&EndTime=\(end)&AttlogSum=5")
        #expect(open.result.fields.last == ADMSKeyValue("AttlogSum", "16"))
        #expect(all.result.fields.last == ADMSKeyValue("AttlogSum", "20"))
    }

    @Test func infoReportsTrueCounts() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")
        try rig.addEmployee("1002")
        try rig.addFinger("1001", slot: 1)
        try ClientFixtures.fill(rig.database, through: 20)
        try rig.database.clearLog(throughSeq: 5, actor: "test", detail: "test")

        let outcome = await rig.run("INFO", id: "3")

        let lines = outcome.result.encoded.split(separator: "\n").map(String.init)
        #expect(lines.first == "ID=3&Return=0&CMD=INFO")
        #expect(lines.contains("UserCount=2"))
        #expect(lines.contains("FPCount=1"))
        #expect(lines.contains("TransactionCount=15"))
        #expect(lines.contains("FWVersion=Hadir test"))
    }

    // MARK: SET OPTION

    @Test(arguments: [
        (ClockChangeOutcome.applied, 0),
        (.refusedByPolicy("[clock] authority is ntp"), -1004),
        (.failed("EPERM"), -3),
    ])
    func setDateTimeOutcomeIsTheReturnCode(outcome: ClockChangeOutcome, code: Int) async throws {
        let rig = try ExecutorRig { $0.clock = outcome }
        let local = ClientFixtures.local(2026, 11, 23, 8, 15, 30)

        let result = await rig.run("SET OPTION DateTime=\(try ADMSCompactTime.encode(local))")

        #expect(result.result.returnCode.rawValue == code)
        #expect(result.result.cmdToken == "SET OPTION")
        #expect(rig.kiosk.calls == [.setClock(local)])
    }

    @Test func setDuplicateWindowTakesMinutes() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("SET OPTION AlarmReRec=3") == 0)

        #expect(rig.kiosk.calls == [.setDuplicateWindow(seconds: 180)])
    }

    @Test func otherOptionsAreNotSupported() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("SET OPTION Volume=5") == -1002)
        #expect(await rig.code("SET OPTION DateTime=not-a-time") == -1)
        #expect(rig.kiosk.calls.isEmpty)
    }

    // MARK: ENROLL_FP

    @Test func enrollFingerprintStartsAtTheKiosk() async throws {
        let rig = try ExecutorRig { $0.enrollment = .success }
        let pin = try rig.addEmployee("1001")

        let outcome = await rig.run("ENROLL_FP PIN=1001\tFID=6\tRETRY=3\tOVERWRITE=0")

        #expect(outcome.result.encoded == "ID=1&Return=0&CMD=ENROLL_FP")
        #expect(rig.kiosk.calls == [.startEnrollment(pin)])
    }

    @Test func enrollFingerprintPassesTheKiosksAnswerOn() async throws {
        let rig = try ExecutorRig { $0.enrollment = .busy }
        try rig.addEmployee("1001")

        #expect(await rig.code("ENROLL_FP PIN=1001\tFID=6") == -1005)
    }

    @Test func enrollFingerprintForAPINNotOnTheDeviceIsRefused() async throws {
        let rig = try ExecutorRig()

        #expect(await rig.code("ENROLL_FP PIN=1001\tFID=6") == -10)
        #expect(rig.kiosk.calls.isEmpty)
    }

    /// One finger per employee: a remote enrolment for someone who has one cannot succeed, so the
    /// server hears "already exists" instead of a success that the kiosk will then refuse.
    @Test func enrollFingerprintForAnEmployeeWithAFingerAlreadyExists() async throws {
        let rig = try ExecutorRig()
        try rig.addEmployee("1001")
        try rig.addFinger("1001", slot: 1)

        #expect(await rig.code("ENROLL_FP PIN=1001\tFID=6\tOVERWRITE=0") == 2)
        #expect(await rig.code("ENROLL_FP PIN=1001\tFID=6\tOVERWRITE=1") == 2)
        #expect(rig.kiosk.calls.isEmpty)
    }

    // MARK: Refused, unknown and malformed

    @Test(arguments: [
        ("SHELL cat /etc/shadow", "SHELL"), ("GetFile /var/lib/hadir/hadir.sqlite", "GetFile"), ("PutFile x", "PutFile"),
        ("UPGRADE http://example.invalid/fw", "UPGRADE"), ("FROBNICATE", "FROBNICATE"), ("CLEAR PHOTO", "CLEAR_PHOTO"),
        ("DATA UPDATE ATTPHOTO PIN=1", "DATA"), ("VERIFY SUM OPERLOG", "VERIFY SUM"),
    ])
    func refusedAndUnknownCommandsAreNotSupported(text: String, token: String) async throws {
        let rig = try ExecutorRig()

        #expect(await rig.run(text, id: "4").result.encoded == "ID=4&Return=-1002&CMD=\(token)")
        #expect(rig.kiosk.calls.isEmpty)
    }

    @Test(arguments: [
        ("DATA UPDATE USERINFO Name=Nobody", "ID=6&Return=-1&CMD=DATA"),
        ("DATA DELETE USERINFO PIN=not a pin!", "ID=6&Return=-1&CMD=DATA"),
        ("DATA UPDATE FINGERTMP PIN=1001", "ID=6&Return=-1&CMD=DATA"),
        ("VERIFY SUM ATTLOG StartTime=2026-11-20 09:00:00\tEndTime=2026-11-19 09:00:00", "ID=6&Return=-1&CMD=VERIFY SUM"),
        ("ENROLL_FP PIN=1001", "ID=6&Return=-1&CMD=ENROLL_FP"),
        ("SET OPTION A=1\tB=2", "ID=6&Return=-1&CMD=SET OPTION"),
        ("", "ID=6&Return=-1&CMD=UNKNOWN"),
    ])
    func malformedCommandsAreABadParameter(text: String, encoded: String) async throws {
        let rig = try ExecutorRig()

        #expect(await rig.run(text, id: "6").result.encoded == encoded)
        #expect(rig.kiosk.calls.isEmpty)
        #expect(try rig.database.users().isEmpty)
    }

    // MARK: Failures

    @Test func kioskFailureIsAReadWriteError() async throws {
        let rig = try ExecutorRig { $0.failure = FakeKioskError(reason: "scanner unplugged") }
        try rig.addEmployee("1001")

        #expect(await rig.code("DATA DELETE USERINFO PIN=1001") == -3)
        #expect(await rig.code("CLEAR BIODATA") == -3)
    }

    @Test func storeFailureIsAReadWriteError() async throws {
        let rig = try ExecutorRig()
        try rig.database.close()

        #expect(await rig.run("DATA UPDATE USERINFO PIN=1001\tName=Budi").result.encoded == "ID=1&Return=-3&CMD=DATA")
        #expect(await rig.run("CLEAR LOG").result.encoded == "ID=1&Return=-3&CMD=CLEAR_LOG")
        #expect(await rig.run("INFO").result.encoded == "ID=1&Return=-3&CMD=INFO")
    }
}
