import HadirCore
import Testing

@testable import HadirUplink

struct ADMSCommandParsingTests {
    static func command(_ text: String, id: String = "1") throws -> ADMSCommand {
        try ADMSCommand.parse(id: id, text: text).get()
    }

    static func failure(_ text: String, id: String = "1") -> ADMSCommandError? {
        guard case .failure(let error) = ADMSCommand.parse(id: id, text: text) else { return nil }
        return error
    }

    static let pin7 = ADMSFixtures.pin("7")

    // MARK: Users

    @Test func updateUserReadsEveryField() throws {
        let text =
            "DATA UPDATE USERINFO PIN=1001\tName=Budi Santoso\tPri=14\tPasswd=123\tCard=[15CD5B07]\tGrp=2\tTZ=0001000200000000\tVerify=1"
        let expected = ADMSUserRecord(
            pin: ADMSFixtures.pin("1001"), name: "Budi Santoso", privilege: 14, password: "123", card: "[15CD5B07]", group: 2,
            timeZones: "0001000200000000", verifyMode: 1)
        #expect(try Self.command(text) == .updateUser(expected))
    }

    @Test func updateUserAppliesTheProtocolDefaults() throws {
        let expected = ADMSUserRecord(pin: Self.pin7, name: "")
        #expect(try Self.command("DATA UPDATE USERINFO PIN=7") == .updateUser(expected))
        #expect(try Self.command("DATA UPDATE USERINFO PIN=7\tName=\tPri=\tGrp=\tTZ=\tVerify=-1") == .updateUser(expected))
        #expect(expected.group == 1 && expected.timeZones == "0000000000000000" && expected.verifyMode == nil && expected.privilege == 0)
    }

    @Test func privilegeAndKeyCaseVariantsAreAccepted() throws {
        let expected = ADMSUserRecord(pin: Self.pin7, name: "Sari", privilege: 14)
        for text in [
            "DATA UPDATE USERINFO PIN=7\tName=Sari\tPrivilege=14", "DATA UPDATE USERINFO Pin=7\tname=Sari\tPRI=14",
            "data update userinfo pin=7\tNAME=Sari\tpri=14", "DATA UPDATE USERINFO\tPIN=7\tName=Sari\tPri=14\t",
            "DATA UPDATE USERINFO PIN = 7 \t Name = Sari \t Pri = 14",
        ] {
            #expect(try Self.command(text) == .updateUser(expected), "\(text.debugDescription)")
        }
    }

    @Test func legacyDataUserIsAnUpdate() throws {
        #expect(try Self.command("DATA USER PIN=7\tName=Sari") == .updateUser(ADMSUserRecord(pin: Self.pin7, name: "Sari")))
    }

    @Test func spaceSeparatedFieldsAreSplitOnlyBeforeKnownKeys() throws {
        let command = try Self.command("DATA UPDATE USERINFO PIN=1 Name=Budi Santoso Pri=0 Passwd=1 Grp=1")
        #expect(command == .updateUser(ADMSUserRecord(pin: ADMSFixtures.pin("1"), name: "Budi Santoso", password: "1")))
        let withEquals = try Self.command("DATA UPDATE USERINFO PIN=1 Name=A x=y B")
        #expect(withEquals == .updateUser(ADMSUserRecord(pin: ADMSFixtures.pin("1"), name: "A x=y B")))
    }

    @Test func deleteUserInBothSpellings() throws {
        #expect(try Self.command("DATA DELETE USERINFO PIN=7") == .deleteUser(pin: Self.pin7))
        #expect(try Self.command("DATA DEL_USER PIN=7") == .deleteUser(pin: Self.pin7))
    }

    // MARK: Fingerprint templates

    @Test func updateFingerTemplateDecodesTheTemplate() throws {
        let expected = ADMSFingerTemplate(
            pin: Self.pin7, fingerIndex: 6, declaredSize: 8, valid: 1, template: [1, 2, 3, 4, 5], base64Length: 8)
        #expect(try Self.command("DATA UPDATE FINGERTMP PIN=7\tFID=6\tSize=8\tValid=1\tTMP=AQIDBAU=") == .updateFingerTemplate(expected))
        #expect(try Self.command("DATA FP PIN=7\tFID=6\tSize=8\tValid=1\tTMP=AQIDBAU=") == .updateFingerTemplate(expected))
        #expect(expected.declaredSizeMatches)
    }

    @Test func fingerTemplateSizeMayCountBase64OrBytes() throws {
        guard case .updateFingerTemplate(let byBytes) = try Self.command("DATA FP PIN=7\tFID=0\tSize=5\tTMP=AQIDBAU=") else {
            Issue.record("not a template")
            return
        }
        #expect(byBytes.declaredSizeMatches && byBytes.valid == 1)
        guard case .updateFingerTemplate(let wrong) = try Self.command("DATA FP PIN=7\tFID=0\tSize=99\tTMP=AQIDBAU=") else { return }
        #expect(!wrong.declaredSizeMatches)
        guard case .updateFingerTemplate(let unsized) = try Self.command("DATA FP PIN=7\tFID=0\tTMP=AQIDBAU") else { return }
        #expect(unsized.declaredSize == nil && unsized.declaredSizeMatches && unsized.template == [1, 2, 3, 4, 5])
    }

    @Test func deleteFingerTemplatesWithAndWithoutFinger() throws {
        #expect(try Self.command("DATA DELETE FINGERTMP PIN=7") == .deleteFingerTemplates(pin: Self.pin7, fingerIndex: nil))
        #expect(try Self.command("DATA DELETE FINGERTMP PIN=7\tFID=3") == .deleteFingerTemplates(pin: Self.pin7, fingerIndex: 3))
        #expect(try Self.command("DATA DEL_FP PIN=7\tFID=3") == .deleteFingerTemplates(pin: Self.pin7, fingerIndex: 3))
    }

    // MARK: Unified templates

    @Test func updateBiodataReadsEveryField() throws {
        let text = "DATA UPDATE BIODATA Pin=7\tNo=6\tIndex=1\tValid=1\tDuress=0\tType=1\tMajorVer=12\tMinorVer=0\tFormat=0\tTmp=AQID"
        let expected = ADMSBiodata(
            pin: Self.pin7, number: 6, index: 1, valid: 1, duress: 0, type: 1, majorVersion: "12", minorVersion: "0", format: 0,
            template: [1, 2, 3])
        #expect(try Self.command(text) == .updateBiodata(expected))
    }

    @Test func deleteBiodataNarrowsByTypeAndNumber() throws {
        #expect(try Self.command("DATA DELETE BIODATA Pin=7") == .deleteBiodata(pin: Self.pin7, type: nil, number: nil))
        #expect(try Self.command("DATA DELETE BIODATA Pin=7\tType=1") == .deleteBiodata(pin: Self.pin7, type: 1, number: nil))
        #expect(try Self.command("DATA DELETE BIODATA Pin=7\tType=1\tNo=6") == .deleteBiodata(pin: Self.pin7, type: 1, number: 6))
    }

    // MARK: Queries and reconciliation

    @Test func queryAttendanceReadsTheLocalRange() throws {
        let range = ADMSTimeRange(start: ADMSFixtures.time(2015, 7, 29), end: ADMSFixtures.time(2015, 7, 29, 23, 59, 59))
        #expect(try Self.command("DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00\tEndTime=2015-07-29 23:59:59") == .queryAttendance(range))
        #expect(try Self.command("DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00 EndTime=2015-07-29 23:59:59") == .queryAttendance(range))
        #expect(try Self.command("DATA QUERY ATTLOG StartTime=2015-07-29T00:00:00\tEndTime=2015-07-29 23:59:59") == .queryAttendance(range))
        #expect(try Self.command("DATA QUERY ATTLOG") == .queryAttendance(ADMSTimeRange(start: nil, end: nil)))
    }

    @Test func timeRangeContainsBothEnds() {
        let range = ADMSTimeRange(start: ADMSFixtures.time(2015, 7, 29), end: ADMSFixtures.time(2015, 7, 29, 23, 59, 59))
        #expect(range.contains(ADMSFixtures.time(2015, 7, 29)))
        #expect(range.contains(ADMSFixtures.time(2015, 7, 29, 23, 59, 59)))
        #expect(!range.contains(ADMSFixtures.time(2015, 7, 30)))
        #expect(!range.contains(ADMSFixtures.time(2015, 7, 28, 23, 59, 59)))
        // 2015-07-29 17:00:00 UTC is 2015-07-30 00:00:00 WIB: outside; one second earlier: inside.
        #expect(!range.contains(utcMilliseconds: 1_438_189_200_000, zoneOffsetSeconds: ADMSFixtures.wib))
        #expect(range.contains(utcMilliseconds: 1_438_189_199_000, zoneOffsetSeconds: ADMSFixtures.wib))
        #expect(ADMSTimeRange(start: nil, end: nil).contains(ADMSFixtures.time(1999, 1, 1)))
    }

    @Test func queryUsersAndTemplates() throws {
        #expect(try Self.command("DATA QUERY USERINFO") == .queryUsers(pin: nil))
        #expect(try Self.command("DATA QUERY USERINFO PIN=7") == .queryUsers(pin: Self.pin7))
        #expect(try Self.command("DATA QUERY FINGERTMP PIN=7") == .queryFingerTemplates(pin: Self.pin7, fingerIndex: nil))
        #expect(try Self.command("DATA QUERY FINGERTMP PIN=7\tFingerID=6") == .queryFingerTemplates(pin: Self.pin7, fingerIndex: 6))
        #expect(try Self.command("DATA QUERY FINGERTMP PIN=7\tFID=6") == .queryFingerTemplates(pin: Self.pin7, fingerIndex: 6))
    }

    @Test func verifySumAttendanceReadsTheRange() throws {
        let range = ADMSTimeRange(start: ADMSFixtures.time(2015, 7, 1), end: ADMSFixtures.time(2015, 7, 31, 23, 59, 59))
        #expect(
            try Self.command("VERIFY SUM ATTLOG StartTime=2015-07-01 00:00:00\tEndTime=2015-07-31 23:59:59") == .verifySumAttendance(range))
    }

    // MARK: Control commands

    @Test(arguments: [
        ("CLEAR LOG", ADMSCommand.clearLog), ("CLEAR DATA", .clearData), ("CLEAR BIODATA", .clearBiodata), ("CHECK", .check), ("LOG", .log),
        ("INFO", .info), ("REBOOT", .reboot), ("RELOAD OPTIONS", .reloadOptions), ("clear log", .clearLog), ("  INFO  ", .info),
        ("CHECK\t", .check),
    ])
    func argumentlessCommands(text: String, expected: ADMSCommand) throws {
        #expect(try Self.command(text) == expected)
    }

    @Test func setOptionTypesTheKeysHadirActsOn() throws {
        #expect(try Self.command("SET OPTION DateTime=583512660") == .setOption(.dateTime(ADMSFixtures.time(2018, 2, 27, 14, 51, 0))))
        #expect(try Self.command("SET OPTION AlarmReRec=3") == .setOption(.duplicateWindow(minutes: 3)))
        #expect(try Self.command("SET OPTION Delay=30") == .setOption(.other(key: "Delay", value: "30")))
        #expect(try Self.command("SET OPTION ~DeviceName=Kiosk Lobi") == .setOption(.other(key: "~DeviceName", value: "Kiosk Lobi")))
    }

    @Test func enrollFingerprintReadsArgumentsWithDefaults() throws {
        #expect(
            try Self.command("ENROLL_FP PIN=7\tFID=6\tRETRY=2\tOVERWRITE=1")
                == .enrollFingerprint(ADMSEnrollFingerprint(pin: Self.pin7, fingerIndex: 6, retries: 2, overwrite: true)))
        #expect(try Self.command("ENROLL_FP PIN=7\tFID=0") == .enrollFingerprint(ADMSEnrollFingerprint(pin: Self.pin7, fingerIndex: 0)))
    }

    @Test(arguments: [
        ("SHELL ls -la /", ADMSRefusedCommand.shell), ("GetFile /etc/passwd", .getFile), ("PutFile file/fw/main.tgz\tmain.tgz", .putFile),
        ("UPGRADE checksum=a5bf,url=http://x/emfw.cfg,size=2312", .upgrade), ("getfile x", .getFile), ("Shell", .shell),
    ])
    func dangerousCommandsAreRefused(text: String, expected: ADMSRefusedCommand) throws {
        let command = try Self.command(text)
        #expect(command == .refused(expected))
        #expect(command.cmdToken == expected.rawValue)
    }

    @Test func unrecognisedCommandsAreUnknownNotErrors() throws {
        #expect(try Self.command("AC_UNLOCK") == .unknown("AC_UNLOCK"))
        #expect(try Self.command("AC_UNLOCK").cmdToken == "AC_UNLOCK")
        #expect(try Self.command("CLEAR PHOTO").cmdToken == "CLEAR_PHOTO")
        #expect(try Self.command("DATA UPDATE SMS MSG=hi\tTAG=253") == .unknown("DATA UPDATE SMS MSG=hi\tTAG=253"))
        #expect(try Self.command("DATA UPDATE SMS MSG=hi").cmdToken == "DATA")
        #expect(try Self.command("DATA").cmdToken == "DATA")
        #expect(try Self.command("VERIFY SUM OPERLOG").cmdToken == "VERIFY SUM")
        #expect(try Self.command("SET TIME").cmdToken == "SET")
        #expect(try Self.command("ENROLL_BIO TYPE=9\tPIN=7").cmdToken == "ENROLL_BIO")
        #expect(try Self.command("¿qué?").cmdToken == "QU")
        #expect(try Self.command("!!!").cmdToken == "UNKNOWN")
        let long = String(repeating: "X", count: 2000)
        guard case .unknown(let kept) = try Self.command(long) else { return }
        #expect(kept.utf8.count == ADMSCommand.maximumUnknownTextBytes)
    }

    @Test(arguments: [
        ("DATA UPDATE USERINFO PIN=7", "DATA"), ("DATA DELETE USERINFO PIN=7", "DATA"), ("DATA FP PIN=7\tFID=1\tTMP=AQID", "DATA"),
        ("DATA DEL_FP PIN=7", "DATA"), ("DATA UPDATE BIODATA Pin=7\tType=1\tTmp=AQID", "DATA"), ("DATA DELETE BIODATA Pin=7", "DATA"),
        ("DATA QUERY ATTLOG", "DATA"), ("DATA QUERY USERINFO", "DATA"), ("DATA QUERY FINGERTMP PIN=7", "DATA"), ("CLEAR LOG", "CLEAR_LOG"),
        ("CLEAR DATA", "CLEAR_DATA"), ("CLEAR BIODATA", "CLEAR_BIODATA"), ("CHECK", "CHECK"), ("LOG", "LOG"),
        ("VERIFY SUM ATTLOG", "VERIFY SUM"), ("SET OPTION Delay=5", "SET OPTION"), ("RELOAD OPTIONS", "RELOAD OPTIONS"), ("INFO", "INFO"),
        ("REBOOT", "REBOOT"), ("ENROLL_FP PIN=7\tFID=1", "ENROLL_FP"),
    ])
    func everyCommandHasItsResultToken(text: String, token: String) throws {
        #expect(try Self.command(text).cmdToken == token)
    }

    // MARK: Malformed arguments

    @Test(arguments: [
        ("DATA UPDATE USERINFO Name=x", "DATA", ADMSCommandArgumentError.missing(key: "PIN"), ADMSReturnCode.badParameter),
        ("DATA UPDATE USERINFO PIN=", "DATA", .missing(key: "PIN"), .badParameter),
        ("DATA UPDATE USERINFO PIN=12-34", "DATA", .invalid(key: "PIN", value: "12-34"), .badParameter),
        (
            "DATA UPDATE USERINFO PIN=1234567890123456789012345", "DATA", .invalid(key: "PIN", value: "1234567890123456789012345"),
            .badParameter
        ),
        ("DATA UPDATE USERINFO PIN=7\tPri=admin", "DATA", .invalid(key: "PRI", value: "admin"), .badParameter),
        ("DATA UPDATE USERINFO PIN=7\tPrivilege=999", "DATA", .invalid(key: "PRIVILEGE", value: "999"), .badParameter),
        (
            "DATA UPDATE USERINFO PIN=7\tName=" + String(repeating: "n", count: 129), "DATA", .valueTooLong(key: "NAME", byteCount: 129),
            .dataTooLong
        ),
        ("DATA DELETE USERINFO", "DATA", .missing(key: "PIN"), .badParameter),
        ("DATA UPDATE FINGERTMP PIN=7\tTMP=AQID", "DATA", .missing(key: "FID"), .badParameter),
        ("DATA UPDATE FINGERTMP PIN=7\tFID=10\tTMP=AQID", "DATA", .invalid(key: "FID", value: "10"), .badParameter),
        ("DATA UPDATE FINGERTMP PIN=7\tFID=1", "DATA", .missing(key: "TMP"), .badParameter),
        ("DATA UPDATE FINGERTMP PIN=7\tFID=1\tTMP=@@@@", "DATA", .illegalTemplateFormat(key: "TMP"), .illegalTemplateFormat),
        ("DATA UPDATE FINGERTMP PIN=7\tFID=1\tTMP=A", "DATA", .illegalTemplateFormat(key: "TMP"), .illegalTemplateFormat),
        ("DATA UPDATE BIODATA Pin=7\tTmp=AQID", "DATA", .missing(key: "TYPE"), .badParameter),
        ("DATA DELETE FINGERTMP PIN=7\tFID=x", "DATA", .invalid(key: "FID", value: "x"), .badParameter),
        (
            "DATA QUERY ATTLOG StartTime=2015-02-29 00:00:00", "DATA", .invalid(key: "STARTTIME", value: "2015-02-29 00:00:00"),
            .badParameter
        ),
        ("DATA QUERY ATTLOG StartTime=yesterday", "DATA", .invalid(key: "STARTTIME", value: "yesterday"), .badParameter),
        ("DATA QUERY ATTLOG StartTime=2015-07-30 00:00:00\tEndTime=2015-07-29 00:00:00", "DATA", .invalidTimeRange, .badParameter),
        (
            "VERIFY SUM ATTLOG EndTime=2015-13-01 00:00:00", "VERIFY SUM", .invalid(key: "ENDTIME", value: "2015-13-01 00:00:00"),
            .badParameter
        ),
        ("SET OPTION", "SET OPTION", .missing(key: "key=value"), .badParameter),
        ("SET OPTION Delay", "SET OPTION", .missing(key: "key=value"), .badParameter),
        ("SET OPTION =5", "SET OPTION", .missing(key: "key=value"), .badParameter),
        ("SET OPTION Delay=5\tErrorDelay=60", "SET OPTION", .multipleOptions(count: 2), .badParameter),
        ("SET OPTION DateTime=abc", "SET OPTION", .invalid(key: "DateTime", value: "abc"), .badParameter),
        ("SET OPTION DateTime=3214080000", "SET OPTION", .invalid(key: "DateTime", value: "3214080000"), .badParameter),
        ("SET OPTION AlarmReRec=-1", "SET OPTION", .invalid(key: "AlarmReRec", value: "-1"), .badParameter),
        ("ENROLL_FP PIN=7", "ENROLL_FP", .missing(key: "FID"), .badParameter),
        ("ENROLL_FP FID=1", "ENROLL_FP", .missing(key: "PIN"), .badParameter),
        ("ENROLL_FP PIN=7\tFID=1\tOVERWRITE=2", "ENROLL_FP", .invalid(key: "OVERWRITE", value: "2"), .badParameter),
        ("ENROLL_FP PIN=7\tFID=1\tRETRY=many", "ENROLL_FP", .invalid(key: "RETRY", value: "many"), .badParameter),
        ("", "UNKNOWN", .emptyCommand, .badParameter),
        ("   \t ", "UNKNOWN", .emptyCommand, .badParameter),
    ])
    func malformedArgumentsGiveATypedErrorWithTheCmdID(
        text: String, token: String, reason: ADMSCommandArgumentError, code: ADMSReturnCode
    ) {
        let error = Self.failure(text, id: "abc123")
        #expect(error == ADMSCommandError(id: "abc123", cmdToken: token, reason: reason))
        #expect(error?.returnCode == code)
    }

    @Test func tooManyArgumentsAreRefused() {
        let text = "DATA UPDATE USERINFO PIN=7\t" + (0..<70).map { "K\($0)=v" }.joined(separator: "\t")
        #expect(Self.failure(text)?.reason == .tooManyArguments(count: 65))
    }

    @Test func argumentsKeepLastValueAndIgnoreFieldsWithoutEquals() throws {
        let arguments = try ADMSCommandArguments(parsing: "PIN=1\tjunk\tPIN=2\t=x\tName=a=b")
        #expect(arguments.values == ["PIN": "2", "NAME": "a=b"])
        #expect(arguments.ignoredFieldCount == 2)
        #expect(arguments.value("PRI", "PIN") == "2")
        #expect(arguments.value("PRI") == nil)
    }
}
