import HadirPull
import Testing

/// CONNECT, AUTH and EXIT, the reply-id and session-id rules, and the never-answer-ACK_OK rule.
struct ZKSessionHandshakeTests {
    private typealias Fixture = PullSessionFixture

    /// Every request code a client might send before or while authenticating, except CONNECT and ACK_OK.
    static let requestsOtherThanConnect: [ZKCommand] =
        ZKCommand.knownCommands.map(\.command).filter { $0 != .connect && $0 != .ackOK }
        + [ZKCommand(rawValue: 0), ZKCommand(rawValue: 4242)]
    /// The same, without the two a session waiting for AUTH accepts (AUTH and EXIT).
    static let requestsRefusedBeforeAuth = requestsOtherThanConnect.filter { $0 != .auth && $0 != .exit }

    // MARK: CONNECT

    @Test func connectWithoutAKeyIsAnsweredAckOKWithTheSessionID() {
        var session = Fixture.machine()
        let connect = Fixture.request(.connect, replyID: 0, sessionID: 0)
        let output = session.received(connect)
        Fixture.expectReply(output, .ackOK, to: connect)
        #expect(!output.close)
        #expect(output.notices.isEmpty)
        #expect(session.isEstablished)
        // The reference bytes for ACK_OK, session 0x04D2, reply 0.
        #expect(output.packets.first?.encoded() == ProtocolHex.bytes("D0 07 5D F3 D2 04 00 00"))
    }

    @Test func theReferenceConnectPacketFromTheWireIsAccepted() throws {
        var session = Fixture.machine()
        let frame = ProtocolHex.bytes("E8 03 17 FC 00 00 00 00")
        let output = session.received(try ZKPacket.decode(datagram: frame))
        #expect(output.packets == [ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 0)])
        #expect(output.notices.isEmpty)
    }

    @Test(arguments: [UInt16(1), 0x04D2, 0x1FFF])
    func connectRepliesCarryTheAllocatedSessionID(sessionID: UInt16) {
        for commKey: UInt32 in [0, Fixture.commKey] {
            var session = Fixture.machine(commKey: commKey, sessionID: sessionID)
            let output = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
            #expect(output.packets.count == 1)
            #expect(output.packets.first?.sessionID == sessionID)
        }
    }

    @Test func connectWithAKeyIsAnsweredUnauthWithTheSessionID() {
        var session = Fixture.machine(commKey: Fixture.commKey)
        let connect = Fixture.request(.connect, replyID: 0, sessionID: 0)
        let output = session.received(connect)
        Fixture.expectReply(output, .ackUnauth, to: connect)
        #expect(!output.close)
        #expect(!session.isEstablished)
        #expect(!session.isClosed)
    }

    @Test func aSecondConnectWhileAuthenticatingIsAnsweredUnauthAgain() {
        var session = Fixture.machine(commKey: Fixture.commKey)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        let again = Fixture.request(.connect, replyID: 1)
        Fixture.expectReply(session.received(again), .ackUnauth, to: again)
        #expect(!session.isEstablished)
    }

    @Test func aSecondConnectOnAnEstablishedSessionIsAckOK() {
        for commKey: UInt32 in [0, Fixture.commKey] {
            var session = Fixture.established(commKey: commKey)
            let again = Fixture.request(.connect, replyID: 9)
            Fixture.expectReply(session.received(again), .ackOK, to: again)
            #expect(session.isEstablished)
        }
    }

    // MARK: AUTH

    @Test func theReferenceAuthPacketAuthenticates() throws {
        var session = Fixture.machine(commKey: Fixture.commKey)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        let auth = try ZKPacket.decode(datagram: ProtocolHex.bytes("4E 04 85 7A D2 04 01 00 26 7F 32 FD"))
        let output = session.received(auth)
        Fixture.expectReply(output, .ackOK, to: auth)
        #expect(output.notices == [.authenticated])
        #expect(session.isEstablished)
    }

    @Test(arguments: [UInt32(1), 123_456, 524_287, 786_431, UInt32.max])
    func authWithTheRightKeyIsAckOKWhateverTheTicks(key: UInt32) {
        for ticks in [UInt8(0), 50, 0xFF] {
            var session = Fixture.machine(commKey: key)
            _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
            let auth = Fixture.request(.auth, replyID: 1, payload: ZKCommKey.make(key: key, sessionID: Fixture.sessionID, ticks: ticks))
            let output = session.received(auth)
            Fixture.expectReply(output, .ackOK, to: auth)
            #expect(output.notices == [.authenticated])
            #expect(session.isEstablished)
        }
    }

    @Test func authWithAWrongKeyIsUnauthAndTheSessionStaysLocked() {
        let wrongPayloads: [[UInt8]] = [
            ZKCommKey.make(key: Fixture.commKey + 1, sessionID: Fixture.sessionID),
            ZKCommKey.make(key: 0, sessionID: Fixture.sessionID),
            ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID + 0x100),
            Array(ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID).prefix(3)),
            ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID) + [0],
            [],
        ]
        for payload in wrongPayloads {
            var session = Fixture.machine(commKey: Fixture.commKey)
            _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
            let auth = Fixture.request(.auth, replyID: 1, payload: payload)
            let output = session.received(auth)
            Fixture.expectReply(output, .ackUnauth, to: auth)
            #expect(output.notices == [.authenticationFailed])
            #expect(!output.close, "ACK_UNAUTH, not a close: pyzk then raises its Unauthenticated error")
            #expect(!session.isEstablished)
            // Still locked: a read is refused and asks the kiosk nothing.
            let read = Fixture.request(.getFreeSizes, replyID: 2)
            Fixture.expectReply(session.received(read), .ackUnauth, to: read)
        }
    }

    @Test func aRetriedAuthWithTheRightKeyAfterAWrongOneAuthenticates() {
        var session = Fixture.machine(commKey: Fixture.commKey)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        _ = session.received(Fixture.request(.auth, replyID: 1, payload: [1, 2, 3, 4]))
        let auth = Fixture.request(.auth, replyID: 2, payload: ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID))
        Fixture.expectReply(session.received(auth), .ackOK, to: auth)
        #expect(session.isEstablished)
    }

    @Test func authBeforeConnectIsUnauthEvenWithTheRightPayload() {
        var session = Fixture.machine(commKey: Fixture.commKey)
        let auth = Fixture.request(.auth, replyID: 0, payload: ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID))
        Fixture.expectReply(session.received(auth), .ackUnauth, to: auth)
        #expect(!session.isEstablished)
    }

    // MARK: Commands before CONNECT / AUTH

    @Test(arguments: requestsOtherThanConnect)
    func requestsBeforeConnectAreAnsweredUnauth(command: ZKCommand) {
        for commKey: UInt32 in [0, Fixture.commKey] {
            var session = Fixture.machine(commKey: commKey)
            let request = Fixture.request(command, replyID: 3, payload: [1, 0, 0, 0], sessionID: 0)
            let output = session.received(request)
            Fixture.expectReply(output, .ackUnauth, to: request)
            #expect(!output.close)
            #expect(!session.isEstablished)
            #expect(!session.isAwaitingDevice)
        }
    }

    @Test(arguments: requestsRefusedBeforeAuth)
    func requestsBeforeAuthAreAnsweredUnauth(command: ZKCommand) {
        var session = Fixture.machine(commKey: Fixture.commKey)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        let request = Fixture.request(command, replyID: 4, payload: [1, 0, 0, 0])
        let output = session.received(request)
        Fixture.expectReply(output, .ackUnauth, to: request)
        #expect(!output.close)
        #expect(!session.isEstablished)
        #expect(!session.isAwaitingDevice)
    }

    // MARK: EXIT

    @Test func exitIsAckOKThenClose() {
        for commKey: UInt32 in [0, Fixture.commKey] {
            var session = Fixture.established(commKey: commKey)
            let exit = Fixture.request(.exit, replyID: 12)
            let output = session.received(exit)
            #expect(output.packets == [ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 12)])
            #expect(output.close)
            #expect(session.isClosed)
            #expect(!session.isEstablished)
        }
    }

    @Test func exitWhileAuthenticatingIsAckOKThenClose() {
        var session = Fixture.machine(commKey: Fixture.commKey)
        _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        let output = session.received(Fixture.request(.exit, replyID: 1))
        #expect(output.packets == [ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 1)])
        #expect(output.close)
        #expect(session.isClosed)
    }

    @Test func aClosedSessionAnswersNothing() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.exit, replyID: 5))
        for command in ZKCommand.knownCommands.map(\.command) + [ZKCommand(rawValue: 4242)] {
            #expect(session.received(Fixture.request(command, replyID: 6)) == .none)
        }
        #expect(session.isClosed)
    }

    @Test func closeWithoutExitEndsTheSession() {
        var session = Fixture.established()
        session.close()
        #expect(session.isClosed)
        #expect(session.received(Fixture.request(.getFreeSizes)) == .none)
        #expect(session.received(Fixture.request(.connect, replyID: 0, sessionID: 0)) == .none)
    }

    // MARK: Reply ids

    /// A pyzk-like session touching every reply path; each reply's packets must echo the request.
    @Test(arguments: [ZKTransportKind.tcp, .udp], [UInt16(0), 1, 0x7FFF, 65_530, 0xFFFF])
    func everyReplyEchoesTheRequestReplyID(transport: ZKTransportKind, firstReplyID: UInt16) {
        var session = Fixture.machine(commKey: Fixture.commKey, transport: transport)
        var replyID = firstReplyID
        var replies = 0

        func check(_ output: ZKSessionOutput, _ request: ZKPacket, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!output.packets.isEmpty || output.query != nil, "unanswered \(request.command)", sourceLocation: sourceLocation)
            for packet in output.packets {
                #expect(packet.replyID == request.replyID, "\(packet.command) to \(request.command)", sourceLocation: sourceLocation)
                #expect(packet.sessionID == Fixture.sessionID, sourceLocation: sourceLocation)
                replies += 1
            }
        }

        /// Sends a request (answering its query, if any) with the next reply id, pyzk-style (wraps 65534 -> 0).
        func send(_ command: ZKCommand, _ payload: [UInt8] = [], answer: ZKDeviceAnswer? = nil) {
            let request = Fixture.request(command, replyID: replyID, payload: payload)
            let output = session.received(request)
            check(output, request)
            if let answer {
                #expect(output.query != nil, "\(command) asked nothing")
                check(session.deviceAnswered(answer), request)
            }
            replyID = replyID >= 65_534 ? 0 : replyID + 1
        }

        let users = Fixture.users(3)
        let records = Fixture.records(1_500)
        let attendance = Fixture.attendanceBuffer(records)
        send(.connect)
        send(.auth, [9, 9, 9, 9])
        send(.auth, ZKCommKey.make(key: Fixture.commKey, sessionID: Fixture.sessionID))
        for option in ["~SerialNumber", "~Platform", "~ExtendFmt", "~Nope"] { send(.optionsRead, Array(option.utf8) + [0]) }
        send(.optionsWrite, Array("SDKBuild=1".utf8))
        send(.getVersion)
        send(.getPinWidth, [0x20, 0x50])
        send(.disableDevice)
        send(.getFreeSizes, answer: .inventory(Fixture.inventory(users: users, records: records.count)))
        send(.prepareBuffer, Fixture.usersBufferRequest)
        send(.readBuffer, Fixture.readBuffer(start: 0, size: Int32(4 + 72 * users.count)))
        send(.freeData)
        send(.prepareBuffer, Fixture.attendanceBufferRequest, answer: .buffer(attendance, attendanceThroughSeq: 1_500))
        var start = 0
        while start < attendance.count {
            let size = min(Fixture.tcpChunk, attendance.count - start)
            send(.readBuffer, Fixture.readBuffer(start: Int32(start), size: Int32(size)))
            start += size
        }
        send(.readBuffer, Fixture.readBuffer(start: Int32(attendance.count), size: 1))
        send(.freeData)
        send(.prepareBuffer, Fixture.templatesBufferRequest, answer: .buffer([0, 0, 0, 0], attendanceThroughSeq: nil))
        send(.prepareBuffer, [1, 34, 0, 4, 0, 0, 0, 0, 0, 0, 0])
        send(.getTime, answer: .time(ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45)))
        send(.setTime, ProtocolHex.bytes("B5 F9 5E 2E"), answer: .done(true))
        send(.userWrite, Fixture.userBytes72(users[0]), answer: .done(true))
        send(.refreshData)
        send(.deleteUser, Fixture.int16(3), answer: .done(false))
        send(.deleteUserTemplate, Fixture.int16(3) + [0], answer: .done(true))
        send(.getOneTemplate, Fixture.int16(1) + [0], answer: .template([1, 2, 3]))
        send(.getOneTemplate, Fixture.int16(1) + [1], answer: .template(nil))
        send(.clearAttlog, answer: .done(true))
        send(.clearData, [1], answer: .done(true))
        send(.clearData, [7])
        send(.cancelCapture)
        send(.startVerify)
        send(.enableDevice)
        send(.registerEvent, Fixture.le32(1))
        send(.registerEvent, Fixture.le32(0))
        send(.unlock, Fixture.le32(30))
        send(.powerOff)
        send(.startEnroll)
        send(.ackError, Array("~ExtendFmt".utf8))
        send(.ackUnknown, Array("~ExtendFmt".utf8))
        send(ZKCommand(rawValue: 4242))
        send(.getFreeSizes)
        send(.getTime)  // while GET_FREE_SIZES is pending: ACK_ERROR_CMD, echoing its own reply id
        _ = session.deviceAnswered(.done(true))
        send(.restart)
        send(.exit)
        #expect(replies >= 50)
    }

    // MARK: ACK_OK

    @Test func ackOKFromTheClientIsNeverAnswered() {
        let ackOKs =
            [UInt16(0), 1, 7, 0xFFFF].map { Fixture.request(.ackOK, replyID: $0) }
            + [Fixture.request(.ackOK, replyID: 3, payload: [1, 2, 3, 4]), Fixture.request(.ackOK, replyID: 0, sessionID: 0)]

        var phases: [(String, ZKSessionStateMachine)] = []
        phases.append(("before CONNECT", Fixture.machine(commKey: Fixture.commKey)))
        var authenticating = Fixture.machine(commKey: Fixture.commKey)
        _ = authenticating.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
        phases.append(("before AUTH", authenticating))
        phases.append(("established", Fixture.established()))
        var pending = Fixture.established()
        _ = pending.received(Fixture.request(.getFreeSizes))
        phases.append(("query pending", pending))
        phases.append(("buffer open", Fixture.withBuffer(Fixture.attendanceBuffer(Fixture.records(10)))))
        var registered = Fixture.established()
        _ = registered.received(Fixture.request(.registerEvent, payload: Fixture.le32(1)))
        phases.append(("events registered, none outstanding", registered))
        var disabled = Fixture.established(readOnly: true)
        _ = disabled.received(Fixture.request(.disableDevice))
        phases.append(("disabled, read-only", disabled))
        var closed = Fixture.established()
        _ = closed.received(Fixture.request(.exit))
        phases.append(("closed", closed))

        for (name, start) in phases {
            for ackOK in ackOKs {
                var session = start
                let output = session.received(ackOK)
                #expect(output == .none, "answered an ACK_OK \(name)")
                #expect(session.isEstablished == start.isEstablished, "\(name)")
                #expect(session.isAwaitingDevice == start.isAwaitingDevice, "\(name)")
                // Twice in a row changes nothing either.
                #expect(session.received(ackOK) == .none, "answered a second ACK_OK \(name)")
            }
        }
    }

    @Test func ackOKWithAnEventOutstandingReleasesOnlyTheNextEvent() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.registerEvent, payload: Fixture.le32(1)))
        _ = session.punchRecorded(PullSessionFixture.event(pin: "1"))
        _ = session.punchRecorded(PullSessionFixture.event(pin: "2"))
        let output = session.received(Fixture.request(.ackOK, replyID: 0))
        #expect(output.packets.count == 1)
        #expect(output.packets.allSatisfy(Fixture.isEvent), "an ACK_OK got a reply: \(output.packets)")
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
    }

    @Test func ackOKWithABadChecksumIsStillNotAnswered() {
        var session = Fixture.established()
        var frame = ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 0).encoded()
        frame[2] ^= 0xFF
        let output = session.received(try! ZKPacket.decode(datagram: frame))
        #expect(output.packets.isEmpty)
        #expect(output.query == nil)
        #expect(output.notices.count == 1)
    }
}

extension PullSessionFixture {
    static func userBytes72(_ user: ZKUser) -> [UInt8] {
        var bytes: [UInt8] = []
        user.encode72(into: &bytes)
        return bytes
    }

    static func userBytes28(_ user: ZKUser) -> [UInt8] {
        var bytes: [UInt8] = []
        user.encode28(into: &bytes)
        return bytes
    }

    static func event(pin: String, second: Int = 0) -> ZKLiveEvent {
        ZKLiveEvent(userID: pin, verify: 1, state: 0, time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: second))
    }
}
