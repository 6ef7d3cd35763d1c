import HadirPull
import Testing

/// Live capture (reference §8): REG_EVENT, one 36-byte event per write, wait for the client's
/// ACK_OK or the ack timer, stop the moment REG_EVENT(0) arrives.
struct ZKSessionEventTests {
    private typealias Fixture = PullSessionFixture

    static func registered(mask: UInt32 = ZKEventFlag.attendance, transport: ZKTransportKind = .tcp) -> ZKSessionStateMachine {
        var session = Fixture.established(transport: transport)
        _ = session.received(Fixture.request(.registerEvent, replyID: 50, payload: Fixture.le32(mask)))
        return session
    }

    static func expectEvent(_ output: ZKSessionOutput, _ event: ZKLiveEvent, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.packets.count == 1, "exactly one event per write", sourceLocation: sourceLocation)
        guard let packet = output.packets.first else { return }
        #expect(packet.command == .registerEvent, sourceLocation: sourceLocation)
        #expect(packet.sessionID == 1, "the session field carries EF_ATTLOG", sourceLocation: sourceLocation)
        #expect(packet.replyID == 0, sourceLocation: sourceLocation)
        #expect(packet.payload.count == 36, sourceLocation: sourceLocation)
        #expect(packet.payload == event.encoded(), sourceLocation: sourceLocation)
        #expect((try? ZKLiveEvent.decode(packet.payload)) == event, sourceLocation: sourceLocation)
        #expect(output.startEventAckTimer, sourceLocation: sourceLocation)
        #expect(output.query == nil, sourceLocation: sourceLocation)
        #expect(!output.close, sourceLocation: sourceLocation)
    }

    @Test func punchesBeforeRegEventSendNothing() {
        var session = Fixture.established()
        #expect(!session.wantsLiveAttendance)
        #expect(session.punchRecorded(Fixture.event(pin: "19001")) == .none)
        #expect(session.eventAckTimedOut() == .none)
        // Registering later does not replay what happened before.
        _ = session.received(Fixture.request(.registerEvent, payload: Fixture.le32(1)))
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
        #expect(session.eventAckTimedOut() == .none)
    }

    @Test func punchesBeforeConnectSendNothing() {
        var session = Fixture.machine()
        let register = Fixture.request(.registerEvent, payload: Fixture.le32(1))
        Fixture.expectReply(session.received(register), .ackUnauth, to: register)
        #expect(session.punchRecorded(Fixture.event(pin: "1")) == .none)
    }

    @Test func regEventIsAckOKAndNoticed() {
        var session = Fixture.established()
        let register = Fixture.request(.registerEvent, replyID: 51, payload: Fixture.le32(1))
        let output = session.received(register)
        Fixture.expectReply(output, .ackOK, to: register)
        #expect(output.notices == [.eventsRegistered(mask: 1)])
        #expect(session.eventMask == 1)
        #expect(session.wantsLiveAttendance)
    }

    @Test(arguments: [ZKTransportKind.tcp, .udp])
    func aPunchAfterRegEventIsOneEventPacket(transport: ZKTransportKind) {
        var session = Self.registered(transport: transport)
        let event = ZKLiveEvent(
            userID: "19001", verify: 15, state: 1, time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 17, minute: 5, second: 9))
        Self.expectEvent(session.punchRecorded(event), event)
    }

    @Test func aSecondEventWaitsForTheClientsAckOK() {
        var session = Self.registered()
        let events = (0..<4).map { Fixture.event(pin: String(19_000 + $0), second: $0) }
        Self.expectEvent(session.punchRecorded(events[0]), events[0])
        #expect(session.punchRecorded(events[1]) == .none)
        #expect(session.punchRecorded(events[2]) == .none)
        // pyzk acks with ACK_OK, reply id 0.
        Self.expectEvent(session.received(Fixture.request(.ackOK, replyID: 0)), events[1])
        #expect(session.punchRecorded(events[3]) == .none)
        Self.expectEvent(session.received(Fixture.request(.ackOK, replyID: 0)), events[2])
        Self.expectEvent(session.received(Fixture.request(.ackOK, replyID: 0)), events[3])
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
        // Nothing outstanding: the next punch goes straight out.
        Self.expectEvent(session.punchRecorded(events[0]), events[0])
    }

    @Test func theAckTimerReleasesTheNextEventWithoutInsisting() {
        var session = Self.registered()
        let events = (0..<3).map { Fixture.event(pin: String(19_100 + $0), second: $0) }
        Self.expectEvent(session.punchRecorded(events[0]), events[0])
        _ = session.punchRecorded(events[1])
        _ = session.punchRecorded(events[2])
        Self.expectEvent(session.eventAckTimedOut(), events[1])
        Self.expectEvent(session.eventAckTimedOut(), events[2])
        #expect(session.eventAckTimedOut() == .none)
        // A late ACK_OK for an event already given up on releases nothing and is not answered.
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
    }

    @Test func aLateAckAfterTheTimerDoesNotReleaseTwoEvents() {
        var session = Self.registered()
        let events = (0..<3).map { Fixture.event(pin: String(19_200 + $0), second: $0) }
        _ = session.punchRecorded(events[0])
        _ = session.punchRecorded(events[1])
        _ = session.punchRecorded(events[2])
        Self.expectEvent(session.eventAckTimedOut(), events[1])
        // The ack of event 0 arrives late; it counts for event 1, and only event 2 follows.
        Self.expectEvent(session.received(Fixture.request(.ackOK, replyID: 0)), events[2])
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
    }

    @Test func regEventZeroDropsTheQueueAndStops() {
        var session = Self.registered()
        _ = session.punchRecorded(Fixture.event(pin: "1"))
        _ = session.punchRecorded(Fixture.event(pin: "2"))
        _ = session.punchRecorded(Fixture.event(pin: "3"))
        let stop = Fixture.request(.registerEvent, replyID: 52, payload: Fixture.le32(0))
        let output = session.received(stop)
        Fixture.expectReply(output, .ackOK, to: stop)
        #expect(output.notices == [.eventsRegistered(mask: 0)])
        #expect(!session.wantsLiveAttendance)
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
        #expect(session.eventAckTimedOut() == .none)
        #expect(session.punchRecorded(Fixture.event(pin: "4")) == .none)
    }

    @Test func regEventWithoutAPayloadIsMaskZero() {
        var session = Self.registered()
        let output = session.received(Fixture.request(.registerEvent, payload: []))
        #expect(output.notices == [.eventsRegistered(mask: 0)])
        #expect(session.punchRecorded(Fixture.event(pin: "4")) == .none)
    }

    @Test(arguments: [UInt32(2), 4, 8, 16, 128, 0xFFFF_FFFE])
    func masksWithoutEFAttlogGetNoAttendanceEvents(mask: UInt32) {
        var session = Self.registered(mask: mask)
        #expect(session.eventMask == mask)
        #expect(!session.wantsLiveAttendance)
        #expect(session.punchRecorded(Fixture.event(pin: "1")) == .none)
    }

    @Test(arguments: [UInt32(1), 3, 0xFFFF, 0xFFFF_FFFF])
    func anyMaskWithEFAttlogGetsAttendanceEvents(mask: UInt32) {
        var session = Self.registered(mask: mask)
        #expect(session.wantsLiveAttendance)
        #expect(session.punchRecorded(Fixture.event(pin: "1")).packets.count == 1)
    }

    @Test func reRegisteringWhileAnEventIsOutstandingKeepsTheQueue() {
        var session = Self.registered()
        _ = session.punchRecorded(Fixture.event(pin: "1"))
        _ = session.punchRecorded(Fixture.event(pin: "2"))
        _ = session.received(Fixture.request(.registerEvent, payload: Fixture.le32(1)))
        Self.expectEvent(session.received(Fixture.request(.ackOK, replyID: 0)), Fixture.event(pin: "2"))
    }

    @Test func closingStopsEvents() {
        var session = Self.registered()
        _ = session.punchRecorded(Fixture.event(pin: "1"))
        _ = session.punchRecorded(Fixture.event(pin: "2"))
        session.close()
        #expect(session.eventMask == 0)
        #expect(!session.wantsLiveAttendance)
        #expect(session.eventAckTimedOut() == .none)
        #expect(session.received(Fixture.request(.ackOK, replyID: 0)) == .none)
        #expect(session.punchRecorded(Fixture.event(pin: "3")) == .none)
    }

    @Test func exitStopsEvents() {
        var session = Self.registered()
        _ = session.received(Fixture.request(.exit))
        #expect(session.punchRecorded(Fixture.event(pin: "3")) == .none)
    }

    @Test func aThousandPunchesComeOutOnePerOutputInOrder() {
        var session = Self.registered()
        let events = (0..<1_000).map { Fixture.event(pin: String(20_000 + $0), second: $0 % 60) }
        var sent: [ZKLiveEvent] = []
        for (index, event) in events.enumerated() {
            let output = session.punchRecorded(event)
            #expect(output.packets.count <= 1)
            sent += output.packets.compactMap { try? ZKLiveEvent.decode($0.payload) }
            if index % 3 == 0 {
                let released = index % 2 == 0 ? session.received(Fixture.request(.ackOK, replyID: 0)) : session.eventAckTimedOut()
                #expect(released.packets.count <= 1)
                #expect(released.packets.allSatisfy(Fixture.isEvent))
                sent += released.packets.compactMap { try? ZKLiveEvent.decode($0.payload) }
            }
        }
        while true {
            let output = session.received(Fixture.request(.ackOK, replyID: 0))
            #expect(output.packets.count <= 1)
            guard let packet = output.packets.first else { break }
            sent.append(try! ZKLiveEvent.decode(packet.payload))
        }
        #expect(sent == events)
    }

    @Test func eventsDoNotDisturbRequestReplies() {
        var session = Self.registered()
        _ = session.punchRecorded(Fixture.event(pin: "1"))
        // A request while an event is outstanding is answered normally, and releases nothing.
        let options = Fixture.request(.optionsRead, replyID: 53, payload: Array("~SerialNumber".utf8) + [0])
        Fixture.expectReply(session.received(options), .ackOK, to: options, payload: nil)
        _ = session.punchRecorded(Fixture.event(pin: "2"))
        let version = Fixture.request(.getVersion, replyID: 54)
        Fixture.expectReply(session.received(version), .ackOK, to: version, payload: nil)
    }
}
