import Testing

@testable import HadirScanner

/// Frames byte for byte: sync, msg id, big-endian size, data, XOR parity (reference §2).
struct EFAAFrameTests {
    /// Hand-computed vectors: parity = XOR of msg id, both size bytes and the data.
    static let vectors: [(EFAACommand, String)] = [
        (.reset, "EF AA 10 00 00 10"),
        (.getStatus, "EF AA 11 00 00 11"),
        (.verify(EFAAVerifyRequest(timeoutSeconds: 10)), "EF AA 12 00 02 00 0A 1A"),
        (.deleteUser(0x0102), "EF AA 20 00 02 01 02 21"),
        (.deleteAll, "EF AA 21 00 00 21"),
        (.getUserInfo(0x00FF), "EF AA 22 00 02 00 FF DF"),
        (.getAllUserIDs, "EF AA 24 00 00 24"),
        (.getVersion, "EF AA 30 00 00 30"),
        (.getSerialNumber, "EF AA 93 00 00 93"),
    ]

    @Test(arguments: vectors.indices)
    func commandVectorsEncodeAndDecode(index: Int) throws {
        let (command, hex) = Self.vectors[index]
        #expect(hexString(command.frame.encoded) == hex)
        let frame = try EFAAFrame.decode(hexBytes(hex))
        #expect(try EFAACommand(frame: frame) == command)
    }

    @Test func moduleVectorsDecode() throws {
        // NOTE READY: 01 ^ 00 ^ 01 ^ 00 = 00.
        #expect(try EFAAMessage(frame: EFAAFrame.decode(hexBytes("EF AA 01 00 01 00 00"))) == .note(.ready))
        // REPLY to VERIFY, result 1 (unknown face): 00 ^ 00 ^ 02 ^ 12 ^ 01 = 11.
        let rejected = try EFAAMessage(frame: EFAAFrame.decode(hexBytes("EF AA 00 00 02 12 01 11")))
        #expect(rejected == .reply(EFAAReply(command: .verify, result: .rejected)))
        // REPLY to ENROLL_ITG: success, user 0xFFFF (directions missing), middle captured.
        let progress = try EFAAMessage(frame: EFAAFrame.decode(hexBytes("EF AA 00 00 05 26 00 FF FF 01 22")))
        #expect(
            progress
                == .reply(EFAAReply(command: .enrollIntegrated, result: .success, payload: .enrolled(userID: nil, directions: .middle))))
    }

    @Test func enrollCommandsCarryTheNameFieldAndFlags() throws {
        let integrated = EFAACommand.enrollIntegrated(
            EFAAIntegratedEnrollRequest(name: "198001012005011001", direction: .left, timeoutSeconds: 10))
        let data = integrated.data
        #expect(data.count == 40)
        #expect(data[0] == 0)
        #expect(EFAAName.decode(data[1..<33]) == "198001012005011001")
        #expect(Array(data[33...]) == [0x04, 0, 0, 10, 0, 0, 0])
        #expect(try EFAACommand(frame: integrated.frame) == integrated)

        let enroll = EFAACommand.enroll(EFAAEnrollRequest(admin: true, name: "Siti", direction: .up, timeoutSeconds: 5))
        #expect(enroll.data.count == 35)
        #expect(try EFAACommand(frame: enroll.frame) == enroll)
        let single = EFAACommand.enrollSingle(EFAAEnrollRequest(name: "Budi", direction: .middle, timeoutSeconds: 5))
        #expect(try EFAACommand(frame: single.frame) == single)
    }

    @Test func namesAreCutOnACharacterBoundaryAndPadded() {
        let long = String(repeating: "é", count: 20)  // 40 bytes of UTF-8
        let field = EFAAName.encode(long)
        #expect(field.count == 32)
        #expect(EFAAName.decode(field) == String(repeating: "é", count: 16))
        #expect(EFAAName.encode("Ani") == Array("Ani".utf8) + Array(repeating: 0, count: 29))
        #expect(EFAAName.decode([0xFF, 0x41, 0]) == "\u{FFFD}A")
    }

    @Test func everyResultCodeRoundTrips() {
        for code in UInt8.min...UInt8.max {
            #expect(EFAAResult(code: code).code == code)
        }
        #expect(EFAAResult(code: 0x0A) == .faceAlreadyEnrolled)
        #expect(EFAAResult(code: 0x0C) == .livenessFailed)
        #expect(EFAAResult(code: 0x03) == .other(3))
    }

    @Test func everyModuleStatusRoundTrips() {
        for code in UInt8.min...UInt8.max {
            #expect(EFAAModuleStatus(code: code).code == code)
        }
    }
}
