import HadirPull
import Testing

/// The short commands: time, options, version, pin width, device state, refusals, unknown codes,
/// checksums, and how queries and answers pair up.
struct ZKSessionCommandTests {
    private typealias Fixture = PullSessionFixture

    static let referenceTime = ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45)

    /// The packed value pyzk's `encode_time` gives (it does not check the date).
    static func packed(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> UInt32 {
        UInt32(((year % 100) * 12 * 31 + (month - 1) * 31 + (day - 1)) * 86_400 + (hour * 60 + minute) * 60 + second)
    }

    // MARK: GET_TIME / SET_TIME

    @Test func getTimeAsksTheKioskAndRepliesWithThePackedTime() {
        var session = Fixture.established()
        let request = Fixture.request(.getTime, replyID: 20)
        Fixture.expectQuery(session.received(request), .getTime)
        Fixture.expectReply(
            session.deviceAnswered(.time(Self.referenceTime)), .ackOK, to: request, payload: ProtocolHex.bytes("B5 F9 5E 2E"))
    }

    @Test(arguments: [
        ZKDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        ZKDateTime(year: 2100, month: 1, day: 1, hour: 0, minute: 0, second: 0),
        ZKDateTime(year: 2024, month: 2, day: 30, hour: 0, minute: 0, second: 0),
        ZKDateTime(year: 2024, month: 1, day: 1, hour: 24, minute: 0, second: 0),
    ])
    func getTimeAnsweredWithAnUnpackableTimeIsAckError(time: ZKDateTime) {
        var session = Fixture.established()
        let request = Fixture.request(.getTime, replyID: 21)
        _ = session.received(request)
        Fixture.expectReply(session.deviceAnswered(.time(time)), .ackError, to: request)
    }

    @Test func setTimeAsksTheKioskWithTheUnpackedTime() {
        var session = Fixture.established()
        let request = Fixture.request(.setTime, replyID: 22, payload: ProtocolHex.bytes("B5 F9 5E 2E"))
        Fixture.expectQuery(session.received(request), .setTime(Self.referenceTime))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: request)
    }

    @Test func setTimeRefusedByTheClockPolicyIsAckError() {
        var session = Fixture.established()
        let request = Fixture.request(.setTime, replyID: 23, payload: Fixture.le32(Self.packed(year: 2030, month: 6, day: 1)))
        Fixture.expectQuery(session.received(request), .setTime(ZKDateTime(year: 2030, month: 6, day: 1, hour: 0, minute: 0, second: 0)))
        Fixture.expectReply(session.deviceAnswered(.done(false)), .ackError, to: request)
    }

    @Test(arguments: [
        packed(year: 2024, month: 2, day: 30), packed(year: 2023, month: 2, day: 29), packed(year: 2024, month: 4, day: 31),
        packed(year: 2024, month: 11, day: 31),
    ])
    func setTimeOfAnImpossibleDateIsAckError(value: UInt32) {
        var session = Fixture.established()
        let request = Fixture.request(.setTime, replyID: 24, payload: Fixture.le32(value))
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
        #expect(Fixture.isMalformed(output.notices, .setTime))
        #expect(!session.isAwaitingDevice)
    }

    @Test func setTimeOnALeapDayIsAccepted() {
        var session = Fixture.established()
        let request = Fixture.request(
            .setTime, payload: Fixture.le32(Self.packed(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)))
        Fixture.expectQuery(
            session.received(request), .setTime(ZKDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)))
    }

    @Test func setTimeWithoutFourBytesIsMalformed() {
        for length in 0..<4 {
            var session = Fixture.established()
            let request = Fixture.request(.setTime, payload: Array(ProtocolHex.bytes("B5 F9 5E 2E").prefix(length)))
            let output = session.received(request)
            Fixture.expectReply(output, .ackError, to: request)
            #expect(Fixture.isMalformed(output.notices, .setTime))
        }
    }

    @Test(arguments: [UInt32(3_214_080_000), 0xFFFF_FFFF])
    func setTimeBeyond2099IsAckError(value: UInt32) {
        // The packed form holds years 2000–2099 only; larger values decode to 2100–2133, a time
        // GET_TIME could then no longer encode.
        var session = Fixture.established()
        let request = Fixture.request(.setTime, replyID: 25, payload: Fixture.le32(value))
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
    }

    // MARK: OPTIONS_RRQ / GET_VERSION / GET_PINWIDTH

    static let pyzkOptions: [(String, String)] = [
        ("~SerialNumber", "HDR2024000001"), ("~Platform", "ZMM220_TFT"), ("~DeviceName", "Hadir Lobby"), ("MAC", "02:00:00:12:34:56"),
        ("~ZKFPVersion", "10"), ("ZKFaceVersion", "0"), ("~ExtendFmt", "0"), ("~UserExtFmt", "0"), ("FaceFunOn", "0"),
        ("CompatOldFirmware", "0"), ("IPAddress", "192.168.1.201"), ("NetMask", "255.255.255.0"), ("GATEIPAddress", "192.168.1.1"),
    ]

    @Test(arguments: pyzkOptions)
    func everyOptionPyzkReadsIsAnsweredNameEqualsValueNUL(name: String, value: String) {
        for terminator in [[0], []] as [[UInt8]] {
            var session = Fixture.established()
            let request = Fixture.request(.optionsRead, replyID: 26, payload: Array(name.utf8) + terminator)
            Fixture.expectReply(session.received(request), .ackOK, to: request, payload: Array("\(name)=\(value)".utf8) + [0])
        }
    }

    @Test func theSerialNumberParsesTheWayPyzkSplitsIt() throws {
        var session = Fixture.established()
        let output = session.received(Fixture.request(.optionsRead, payload: Array("~SerialNumber".utf8) + [0]))
        let payload = try #require(output.packets.first?.payload)
        // pyzk: data.split(b'=', 1)[-1].split(b'\x00')[0]
        let value = payload.split(separator: UInt8(ascii: "="), maxSplits: 1).last?.split(separator: 0, omittingEmptySubsequences: false)
            .first
        #expect(value.map { String(decoding: $0, as: UTF8.self) } == "HDR2024000001")
        #expect(Int(Fixture.device.option(named: "~ZKFPVersion") ?? "") == 10)
    }

    @Test(arguments: ["~Nope", "", "serialnumber", "~SerialNumber ", "SerialNumber", "~platform"])
    func unknownOptionsAreAckError(name: String) {
        var session = Fixture.established()
        let request = Fixture.request(.optionsRead, replyID: 27, payload: Array(name.utf8) + [0])
        Fixture.expectReply(session.received(request), .ackError, to: request)
    }

    @Test func getVersionIsTheFirmwareTextWithANUL() {
        var session = Fixture.established()
        let request = Fixture.request(.getVersion, replyID: 28)
        Fixture.expectReply(session.received(request), .ackOK, to: request, payload: Array("Ver 6.60 Hadir".utf8) + [0])
    }

    @Test func getPinWidthIsExactlyOneNonZeroByte() {
        var session = Fixture.established()
        let request = Fixture.request(.getPinWidth, replyID: 29, payload: [0x20, 0x50])
        let output = session.received(request)
        Fixture.expectReply(output, .ackOK, to: request, payload: [24])
        #expect(output.packets.first?.payload.count == 1)
    }

    @Test func aPinWidthOfZeroIsRaisedToOne() {
        let device = ZKDeviceInfo(serialNumber: "X", pinWidth: 0)
        #expect(device.pinWidth == 1)
        var session = ZKSessionStateMachine(
            configuration: ZKSessionConfiguration(transport: .tcp, device: device), sessionID: Fixture.sessionID)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        #expect(session.received(Fixture.request(.getPinWidth)).packets.first?.payload == [1])
    }

    // MARK: Plain ACK_OK commands

    static let plainAckOK: [(ZKCommand, [UInt8])] = [
        (.optionsWrite, Array("SDKBuild=1".utf8)), (.optionsWrite, []), (.refreshData, []), (.refreshOption, []),
        (.cancelCapture, []), (.startVerify, []), (.testVoice, [0, 0, 0, 0]), (.enableDevice, []), (.enableDevice, [0, 0, 0, 0]),
        (.disableDevice, []), (.disableDevice, [0, 0, 0, 0]), (.freeData, []), (.registerEvent, [1, 0, 0, 0]), (.connect, []),
    ]

    @Test(arguments: plainAckOK)
    func plainCommandsAreAckOKWithNoPayload(command: ZKCommand, payload: [UInt8]) {
        // pyzk reads 16 bytes (TCP) for these: any payload would stay in the stream.
        for readOnly in [false, true] {
            var session = Fixture.established(readOnly: readOnly)
            let request = Fixture.request(command, replyID: 30, payload: payload)
            let output = session.received(request)
            Fixture.expectReply(output, .ackOK, to: request)
            #expect(!output.close)
        }
    }

    @Test func answeredWritesCarryNoPayloadEither() {
        let requests: [(ZKPacket, ZKDeviceAnswer)] = [
            (Fixture.request(.setTime, payload: ProtocolHex.bytes("B5 F9 5E 2E")), .done(true)),
            (Fixture.request(.userWrite, payload: Fixture.userBytes72(ZKSessionWriteTests.user)), .done(true)),
            (Fixture.request(.deleteUser, payload: Fixture.int16(1)), .done(true)),
            (Fixture.request(.deleteUserTemplate, payload: Fixture.int16(1) + [0]), .done(true)),
            (Fixture.request(.clearAttlog), .done(true)),
            (Fixture.request(.clearData), .done(true)),
        ]
        for (request, answer) in requests {
            var session = Fixture.established()
            _ = session.received(request)
            Fixture.expectReply(session.deviceAnswered(answer), .ackOK, to: request, payload: [])
        }
    }

    // MARK: ENABLE / DISABLE

    @Test func disableAndEnableToggleThePerSessionDisabledState() {
        var session = Fixture.established()
        #expect(!session.isDeviceDisabled)
        let disable = session.received(Fixture.request(.disableDevice))
        #expect(disable.notices == [.deviceDisabled])
        #expect(session.isDeviceDisabled)
        _ = session.received(Fixture.request(.disableDevice))
        #expect(session.isDeviceDisabled)
        let enable = session.received(Fixture.request(.enableDevice))
        #expect(enable.notices == [.deviceEnabled])
        #expect(!session.isDeviceDisabled)
    }

    @Test func closingTheSessionClearsTheDisabledState() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.disableDevice))
        session.close()
        #expect(!session.isDeviceDisabled)

        var exited = Fixture.established()
        _ = exited.received(Fixture.request(.disableDevice))
        _ = exited.received(Fixture.request(.exit))
        #expect(!exited.isDeviceDisabled)
    }

    @Test func disableBeforeConnectDisablesNothing() {
        var session = Fixture.machine()
        _ = session.received(Fixture.request(.disableDevice))
        #expect(!session.isDeviceDisabled)
    }

    // MARK: Refusals and unknown codes

    @Test(arguments: [(ZKCommand.unlock, PullSessionFixture.le32(30)), (.powerOff, []), (.startEnroll, Array("19001".utf8) + [0, 1])])
    func unsupportedActionsAreAckError(command: ZKCommand, payload: [UInt8]) {
        var session = Fixture.established()
        let request = Fixture.request(command, replyID: 31, payload: payload)
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
        #expect(!output.close)
    }

    @Test(arguments: [ZKCommand.ackError, .ackUnknown])
    func replyCodesPyzkProbesWithAreAckUnknown(command: ZKCommand) {
        var session = Fixture.established()
        let request = Fixture.request(command, replyID: 32, payload: Array("~ExtendFmt".utf8))
        let output = session.received(request)
        Fixture.expectReply(output, .ackUnknown, to: request)
        #expect(output.notices.isEmpty)
    }

    @Test(
        arguments: [
            0, 1, 7, 9, 10, 13, 34, 64, 66, 67, 75, 134, 499, 501, 999, 1_006, 1_500 - 1, 2_002, 2_003, 2_004, 2_005, 0xFFFB, 0xFFFC,
            0xFFFD, 4_242, 0xFFFE,
        ] as [UInt16])
    func unknownCodesAreAckUnknownWithANotice(code: UInt16) {
        var session = Fixture.established()
        let command = ZKCommand(rawValue: code)
        let request = Fixture.request(command, replyID: 33, payload: [1, 2, 3])
        let output = session.received(request)
        Fixture.expectReply(output, .ackUnknown, to: request)
        #expect(output.notices == [.unknownCommand(command)])
        #expect(session.isEstablished)
    }

    @Test func authOnAnEstablishedSessionGetsAShortReply() {
        var session = Fixture.established()
        let request = Fixture.request(.auth, replyID: 34, payload: ZKCommKey.make(key: 1, sessionID: Fixture.sessionID))
        let output = session.received(request)
        #expect(output.packets.count == 1)
        #expect(output.packets.first?.replyID == 34)
        #expect(output.packets.first?.payload.isEmpty == true)
        #expect(session.isEstablished)
    }

    // MARK: Checksums

    @Test func aBadChecksumIsProcessedAndNoticed() throws {
        let requests = [
            Fixture.request(.connect, replyID: 0, sessionID: 0), Fixture.request(.getFreeSizes, replyID: 1),
            Fixture.request(.optionsRead, replyID: 2, payload: Array("~SerialNumber".utf8) + [0]),
        ]
        var session = Fixture.machine()
        for request in requests {
            var frame = request.encoded()
            let good = request.expectedChecksum
            let bad = good ^ 0x5A5A
            frame[2] = UInt8(truncatingIfNeeded: bad)
            frame[3] = UInt8(truncatingIfNeeded: bad >> 8)
            let packet = try ZKPacket.decode(datagram: frame)
            #expect(!packet.hasValidChecksum)
            let output = session.received(packet)
            #expect(output.notices.first == .badChecksum(command: request.command, received: bad, expected: good))
            #expect(!output.packets.isEmpty || output.query != nil, "a bad checksum must not stop the reply")
            if output.query != nil { _ = session.deviceAnswered(.inventory(Fixture.inventory(users: [], records: 0))) }
        }
        #expect(session.isEstablished)
    }

    @Test func aGoodChecksumFromTheWireRaisesNoNotice() {
        var session = Fixture.machine()
        let output = session.received(Fixture.wire(Fixture.request(.connect, replyID: 0, sessionID: 0)))
        #expect(output.notices.isEmpty)
        let read = session.received(Fixture.wire(Fixture.request(.optionsRead, payload: Array("MAC".utf8) + [0])))
        #expect(read.notices.isEmpty)
        #expect(read.packets.first?.command == .ackOK)
    }

    @Test func aBadChecksumOnARefusedRequestKeepsBothNotices() {
        var session = Fixture.established()
        var frame = Fixture.request(ZKCommand(rawValue: 4_242)).encoded()
        frame[2] ^= 1
        let output = session.received(try! ZKPacket.decode(datagram: frame))
        #expect(output.notices.count == 2)
        if case .badChecksum = output.notices.first {} else { Issue.record("bad checksum not first: \(output.notices)") }
        #expect(output.notices.last == .unknownCommand(ZKCommand(rawValue: 4_242)))
    }

    // MARK: Queries and answers

    @Test(arguments: [
        (ZKCommand.getTime, [] as [UInt8]), (.getFreeSizes, []), (.exit, []), (.connect, []), (.readBuffer, [0, 0, 0, 0, 4, 0, 0, 0]),
        (.freeData, []), (.registerEvent, [1, 0, 0, 0]), (.disableDevice, []), (ZKCommand(rawValue: 4_242), []),
    ])
    func aRequestWhileAQueryIsPendingIsRefusedAndThePendingQueryIsKept(command: ZKCommand, payload: [UInt8]) throws {
        var session = Fixture.established()
        let first = Fixture.request(.getFreeSizes, replyID: 100)
        _ = session.received(first)
        let second = Fixture.request(command, replyID: 101, payload: payload)
        let output = session.received(second)
        Fixture.expectReply(output, .ackErrorCommand, to: second)
        #expect(Fixture.isMalformed(output.notices, command))
        #expect(session.isAwaitingDevice)
        #expect(!session.isClosed)
        #expect(!session.isDeviceDisabled)
        #expect(session.eventMask == 0)
        // The pending GET_FREE_SIZES is answered as if nothing had happened in between.
        let answer = session.deviceAnswered(.inventory(Fixture.inventory(users: Fixture.users(2), records: 9)))
        Fixture.expectReply(answer, .ackOK, to: first, payload: nil)
        #expect(try ZKFreeSizes.decode(try #require(answer.packets.first?.payload)).records == 9)
        #expect(!session.isAwaitingDevice)
    }

    @Test func anAnswerWithNothingPendingDoesNothing() {
        let answers: [ZKDeviceAnswer] = [
            .inventory(Fixture.inventory(users: [], records: 0)), .users([]), .buffer([0, 0, 0, 0], attendanceThroughSeq: 5),
            .template([1]),
            .template(nil), .time(Self.referenceTime), .done(true), .done(false),
        ]
        var closed = Fixture.established()
        closed.close()
        for start in [Fixture.machine(), Fixture.established(), Fixture.withBuffer([0, 0, 0, 0], attendanceThroughSeq: 3), closed] {
            for answer in answers {
                var session = start
                #expect(session.deviceAnswered(answer) == .none)
                #expect(session.downloadedThroughSeq == start.downloadedThroughSeq)
            }
        }
    }

    @Test func aSecondAnswerToTheSameQueryDoesNothing() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.getTime))
        #expect(session.deviceAnswered(.time(Self.referenceTime)).packets.count == 1)
        #expect(session.deviceAnswered(.time(Self.referenceTime)) == .none)
    }

    static let mismatches: [(ZKPacket, ZKDeviceAnswer)] = [
        (PullSessionFixture.request(.getFreeSizes, replyID: 200), .users([])),
        (PullSessionFixture.request(.getFreeSizes, replyID: 201), .done(true)),
        (PullSessionFixture.request(.getFreeSizes, replyID: 202), .buffer([0, 0, 0, 0], attendanceThroughSeq: 1)),
        (PullSessionFixture.request(.getTime, replyID: 203), .done(true)),
        (PullSessionFixture.request(.getTime, replyID: 204), .inventory(PullSessionFixture.inventory(users: [], records: 0))),
        (PullSessionFixture.request(.setTime, replyID: 205, payload: ProtocolHex.bytes("B5 F9 5E 2E")), .time(referenceTime)),
        (
            PullSessionFixture.request(.userWrite, replyID: 206, payload: PullSessionFixture.userBytes72(ZKSessionWriteTests.user)),
            .users([])
        ),
        (PullSessionFixture.request(.getOneTemplate, replyID: 207, payload: [1, 0, 0]), .done(true)),
        (PullSessionFixture.request(.getOneTemplate, replyID: 208, payload: [1, 0, 0]), .buffer([1], attendanceThroughSeq: nil)),
        (PullSessionFixture.request(.prepareBuffer, replyID: 209, payload: PullSessionFixture.attendanceBufferRequest), .users([])),
        (PullSessionFixture.request(.prepareBuffer, replyID: 210, payload: PullSessionFixture.attendanceBufferRequest), .template([1])),
        (PullSessionFixture.request(.prepareBuffer, replyID: 211, payload: PullSessionFixture.templatesBufferRequest), .done(true)),
        (
            PullSessionFixture.request(.prepareBuffer, replyID: 212, payload: PullSessionFixture.usersBufferRequest),
            .buffer([0, 0, 0, 0], attendanceThroughSeq: nil)
        ),
        (PullSessionFixture.request(.deleteUser, replyID: 213, payload: [1, 0]), .time(referenceTime)),
        (PullSessionFixture.request(.clearAttlog, replyID: 214), .template(nil)),
        (PullSessionFixture.request(.clearData, replyID: 215), .inventory(PullSessionFixture.inventory(users: [], records: 0))),
    ]

    @Test(arguments: mismatches)
    func aMismatchedAnswerIsAckErrorToThePendingRequest(request: ZKPacket, answer: ZKDeviceAnswer) {
        var session = Fixture.established()
        let asked = session.received(request)
        #expect(asked.query != nil)
        Fixture.expectReply(session.deviceAnswered(answer), .ackError, to: request)
        #expect(!session.isAwaitingDevice)
        #expect(session.downloadedThroughSeq == nil)
        // Nothing was kept: no buffer to read.
        let read = Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: 0, size: 4))
        #expect(session.received(read).packets.map(\.command) == [.ackError])
    }

    @Test func anAnswerAfterCloseIsDropped() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.getFreeSizes))
        session.close()
        #expect(!session.isAwaitingDevice)
        #expect(session.deviceAnswered(.inventory(Fixture.inventory(users: [], records: 0))) == .none)
    }
}
