import HadirCore
import Testing

@testable import HadirUplink

struct ADMSInfoHeartbeatTests {
    @Test func valueListsTheTenFieldsInOrder() {
        let heartbeat = ADMSInfoHeartbeat(
            firmwareVersion: "Hadir 0.3.0", userCount: 12, fingerprintCount: 11, attendanceCount: 340, ipAddress: "10.0.0.7",
            fingerprintAlgorithmVersion: "10")
        #expect(heartbeat.value == "Hadir 0.3.0,12,11,340,10.0.0.7,10,0,0,0,100")
        #expect(heartbeat.value.split(separator: ",", omittingEmptySubsequences: false).count == 10)
    }

    @Test func commasAndNegativeCountsCannotShiftFields() {
        let heartbeat = ADMSInfoHeartbeat(
            firmwareVersion: "1.0, beta", userCount: -1, fingerprintCount: 0, attendanceCount: 5, ipAddress: "fe80::1,x",
            fingerprintAlgorithmVersion: "EF01\n", faceAlgorithmVersion: "7", faceTemplatesPerEnrolment: 15, faceCount: 3)
        #expect(heartbeat.value == "1.0  beta,0,0,5,fe80::1 x,EF01 ,7,15,3,100")
    }

    @Test func capabilityDigitsFollowZKTecoOrder() {
        #expect(ADMSDeviceCapabilities(fingerprint: true).digits == "100")
        #expect(ADMSDeviceCapabilities(fingerprint: true, face: true, userPhoto: true).digits == "111")
        #expect(ADMSDeviceCapabilities(fingerprint: false, face: true).digits == "010")
        #expect(ADMSDeviceCapabilities(fingerprint: true, visibleLightFace: true).digits == "10001")
        #expect(ADMSDeviceCapabilities(fingerprint: true, comparisonPhoto: true).digits == "10010")
    }
}

struct ADMSOPERLOGEncoderTests {
    static let pin7 = ADMSFixtures.pin("7")

    @Test func userLineHasTheEightReferenceFields() {
        let line = OPERLOGEncoder.userLine(ADMSUserRecord(pin: ADMSFixtures.pin("1001"), name: "Budi Santoso"))
        #expect(line == "USER PIN=1001\tName=Budi Santoso\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=-1")
        let admin = ADMSUserRecord(
            pin: Self.pin7, name: "Sari\tWulan\n", privilege: 14, password: "12", card: "[15CD5B07]", group: 2,
            timeZones: "0001000200000000",
            verifyMode: 1)
        #expect(
            OPERLOGEncoder.userLine(admin)
                == "USER PIN=7\tName=Sari Wulan \tPri=14\tPasswd=12\tCard=[15CD5B07]\tGrp=2\tTZ=0001000200000000\tVerify=1")
        #expect(
            OPERLOGEncoder.userLine(ADMSUserRecord(employee: Employee(pin: Self.pin7, name: "Ani"))).hasPrefix(
                "USER PIN=7\tName=Ani\tPri=0"))
    }

    @Test func userLineRoundTripsThroughTheUpdateCommand() throws {
        let user = ADMSUserRecord(pin: Self.pin7, name: "Dewi Lestari", privilege: 2, password: "99", card: "123", group: 3, verifyMode: 15)
        let line = OPERLOGEncoder.userLine(user)
        let command = try ADMSCommand.parse(id: "1", text: "DATA UPDATE USERINFO " + line.dropFirst("USER ".count)).get()
        #expect(command == .updateUser(user))
    }

    @Test func fingerprintLineSizeIsTheBase64Length() throws {
        let line = OPERLOGEncoder.fingerprintLine(pin: Self.pin7, fingerIndex: 6, template: [1, 2, 3, 4, 5])
        #expect(line == "FP PIN=7\tFID=6\tSize=8\tValid=1\tTMP=AQIDBAU=")
        let template = (0..<498).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let long = OPERLOGEncoder.fingerprintLine(pin: Self.pin7, fingerIndex: 0, template: template, valid: 3)
        let command = try ADMSCommand.parse(id: "1", text: "DATA UPDATE FINGERTMP " + long.dropFirst("FP ".count)).get()
        guard case .updateFingerTemplate(let parsed) = command else {
            Issue.record("not a template: \(command)")
            return
        }
        #expect(parsed.template == template && parsed.valid == 3 && parsed.declaredSize == 664 && parsed.base64Length == 664)
    }

    @Test func operationLineHasSevenFieldsAfterItsTypeWord() throws {
        let entry = ADMSOperationLogEntry(
            type: .enrollFingerprint, time: ADMSFixtures.time(2015, 7, 30, 10, 22, 34), object1: "7", object2: "6", object3: "1124")
        let line = try #require(OPERLOGEncoder.operationLine(entry))
        #expect(line == "OPLOG 6\t0\t2015-07-30 10:22:34\t7\t6\t1124\t0")
        #expect(line.dropFirst("OPLOG ".count).split(separator: "\t", omittingEmptySubsequences: false).count == 7)
        let types: [ADMSOperationType] = [.enrollFingerprint, .deleteUser, .deleteFingerprint, .clearData, .setTime, .enrollUser]
        #expect(types.map(\.rawValue) == [6, 9, 10, 13, 21, 30])
        #expect(OPERLOGEncoder.operationLine(ADMSOperationLogEntry(type: .setTime, time: ADMSFixtures.time(2015, 2, 30))) == nil)
    }

    @Test func bodyJoinsLinesWithLF() {
        #expect(OPERLOGEncoder.body(["USER PIN=1", "FP PIN=1"]) == "USER PIN=1\nFP PIN=1")
    }
}

struct ADMSOptionsUploadTests {
    @Test func bodyIsCommaSeparatedPairs() {
        #expect(ADMSOptionsUpload.body([ADMSKeyValue("FingerFunOn", "1"), ADMSKeyValue("FaceFunOn", "0")]) == "FingerFunOn=1,FaceFunOn=0")
        #expect(ADMSOptionsUpload.body([]) == "")
    }

    @Test func separatorsInsidePairsAreNeutralised() {
        let body = ADMSOptionsUpload.body([
            ADMSKeyValue("~Device Name", "Kiosk, Lobi\n2"), ADMSKeyValue("=,", "x"), ADMSKeyValue("MultiBioDataSupport", "0:1:0"),
        ])
        #expect(body == "~DeviceName=Kiosk  Lobi 2,MultiBioDataSupport=0:1:0")
    }

    @Test func onlyRequestedKeysAreSelected() {
        let all = [ADMSKeyValue("FingerFunOn", "1"), ADMSKeyValue("FaceFunOn", "0"), ADMSKeyValue("FWVersion", "0.3.0")]
        #expect(ADMSOptionsUpload.selecting(all, requested: ["facefunon", "FingerFunOn"]) == [all[0], all[1]])
        #expect(ADMSOptionsUpload.selecting(all, requested: []) == all)
    }
}

struct ADMSBase64Tests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(ADMSBase64.encode(Array(plain.utf8)) == encoded)
        if !plain.isEmpty { #expect(ADMSBase64.decode(encoded) == Array(plain.utf8)) }
    }

    @Test func damagedButRecoverableTextIsAccepted() {
        #expect(ADMSBase64.decode("Zm9vYg") == Array("foob".utf8))
        #expect(ADMSBase64.decode("Zm9vYmE") == Array("fooba".utf8))
        #expect(ADMSBase64.decode("-_8=") == [0xFB, 0xFF])
        #expect(ADMSBase64.decode(" /8=") == [0xFB, 0xFF])
    }

    @Test func invalidTextIsRejected() {
        for text in ["", "=", "Z", "Zm9vY", "Zm9v!", "Zm=9", "Zg===", "Zm9vYg=", "\u{FFFD}"] {
            #expect(ADMSBase64.decode(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func randomBytesRoundTrip() {
        var random = SplitMix64(seed: 64)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 1...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(ADMSBase64.decode(ADMSBase64.encode(bytes)) == bytes)
        }
    }
}
