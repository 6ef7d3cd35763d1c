import HadirCore
import HadirPull
import HadirStore
import Testing

/// Seeded random traffic through the session state machine: random requests (known and unknown
/// codes, random payloads and reply ids), random kiosk answers, punches, ack timeouts and client
/// ACK_OKs, checked step by step against the protocol rules of reference §1 and §5.
struct ZKSessionFuzzTests {
    private typealias Fixture = PullSessionFixture

    static let optionNames = [
        "~SerialNumber", "~Platform", "~DeviceName", "MAC", "~ZKFPVersion", "ZKFaceVersion", "~ExtendFmt", "~UserExtFmt", "FaceFunOn",
        "CompatOldFirmware", "IPAddress", "NetMask", "GATEIPAddress", "~OS", "~Nope",
    ]

    /// Requests whose reply is a bare header (pyzk reads 16 bytes on TCP for them).
    static let plainCommands: Set<ZKCommand> = [
        .connect, .auth, .exit, .enableDevice, .disableDevice, .optionsWrite, .refreshData, .refreshOption, .cancelCapture,
        .startVerify, .testVoice, .freeData, .registerEvent, .setTime, .userWrite, .deleteUser, .deleteUserTemplate, .clearAttlog,
        .clearData, .restart, .powerOff, .unlock, .startEnroll, .prepareData, .data, .saveUsersAndTemplates,
    ]

    /// What the test knows about the session, to check the machine against.
    struct Model {
        var commKey: UInt32
        var sessionID: UInt16
        var transport: ZKTransportKind
        var readOnly: Bool
        var pending: (request: ZKPacket, query: ZKDeviceQuery)?
        var bufferSize: Int?
        var eventOutstanding = false
        var steps = 0
    }

    // MARK: Generators

    static func randomUser(_ rng: inout SplitMix64) -> ZKUser {
        ZKUser(
            uid: UInt16.random(in: 1...32_767, using: &rng), privilege: [0, 1, 2, 6, 14].randomElement(using: &rng)!,
            password: String(rng.count(in: 0...99_999)), name: "N\(rng.count(in: 0...999_999))",
            card: UInt32.random(in: 0...UInt32.max, using: &rng), group: 1, userID: String(rng.count(in: 1...999_999_999)))
    }

    static func randomTime(_ rng: inout SplitMix64) -> ZKDateTime {
        ZKDateTime(
            year: rng.count(in: 1_990...2_110), month: rng.count(in: 0...13), day: rng.count(in: 0...32), hour: rng.count(in: 0...24),
            minute: rng.count(in: 0...60), second: rng.count(in: 0...60))
    }

    static func randomRequest(_ rng: inout SplitMix64, _ model: Model) -> ZKPacket {
        let replyID = UInt16.random(in: 0...UInt16.max, using: &rng)
        var command: ZKCommand
        var payload: [UInt8] = []
        switch rng.count(in: 0...25) {
        case 0:
            command = .connect
        case 1:
            command = .auth
            payload =
                Bool.random(using: &rng)
                ? ZKCommKey.make(key: model.commKey, sessionID: model.sessionID, ticks: UInt8.random(in: 0...255, using: &rng))
                : rng.bytes(rng.count(in: 0...6))
        case 2:
            command = .getFreeSizes
        case 3, 4:
            command = .prepareBuffer
            switch rng.count(in: 0...5) {
            case 0: payload = Fixture.usersBufferRequest
            case 1, 2: payload = Fixture.attendanceBufferRequest
            case 3: payload = Fixture.templatesBufferRequest
            case 4:
                payload = ZKBufferRequest(
                    subcommand: UInt16.random(in: 0...20, using: &rng), fct: UInt32.random(in: 0...8, using: &rng)
                ).encoded()
            default: payload = rng.bytes(rng.count(in: 0...12))
            }
        case 5, 6, 7, 8:
            command = .readBuffer
            if let size = model.bufferSize, size > 0, rng.count(in: 0...3) != 0 {
                let start = rng.count(in: 0...(size - 1))
                let chunk = rng.count(in: 1...(size - start))
                payload = Fixture.readBuffer(start: Int32(start), size: Int32(min(chunk, model.transport == .tcp ? 65_472 : 16_384)))
            } else if Bool.random(using: &rng) {
                let edges: [Int32] = [Int32.min, -1, 0, 1, 4, 1_024, 65_472, Int32.max]
                payload = Fixture.readBuffer(start: edges.randomElement(using: &rng)!, size: edges.randomElement(using: &rng)!)
            } else {
                payload = rng.bytes(rng.count(in: 0...10))
            }
        case 9:
            command = .freeData
        case 10:
            command = .registerEvent
            switch rng.count(in: 0...3) {
            case 0: payload = Fixture.le32(0)
            case 1: payload = Fixture.le32(1)
            case 2: payload = Fixture.le32(UInt32.random(in: 0...UInt32.max, using: &rng))
            default: payload = rng.bytes(rng.count(in: 0...6))
            }
        case 11:
            command = .userWrite
            switch rng.count(in: 0...2) {
            case 0: payload = Fixture.userBytes72(randomUser(&rng))
            case 1: payload = Fixture.userBytes28(randomUser(&rng))
            default: payload = rng.bytes(rng.count(in: 0...100))
            }
        case 12:
            command = Bool.random(using: &rng) ? .deleteUser : .deleteUserTemplate
            payload = rng.bytes(rng.count(in: 0...4))
        case 13:
            command = Bool.random(using: &rng) ? .clearAttlog : .clearData
            payload = rng.count(in: 0...2) == 0 ? [] : rng.bytes(rng.count(in: 1...2))
        case 14:
            command = .setTime
            payload =
                rng.count(in: 0...4) == 0
                ? rng.bytes(rng.count(in: 0...5)) : Fixture.le32(UInt32.random(in: 0...UInt32.max, using: &rng))
        case 15:
            command = .getTime
        case 16:
            command = .optionsRead
            payload =
                rng.count(in: 0...5) == 0
                ? rng.bytes(rng.count(in: 0...40)) : Array(optionNames.randomElement(using: &rng)!.utf8) + [0]
        case 17:
            command = [
                ZKCommand.optionsWrite, .refreshData, .refreshOption, .cancelCapture, .startVerify, .testVoice, .enableDevice,
                .disableDevice, .getVersion, .getPinWidth,
            ].randomElement(using: &rng)!
            payload = rng.count(in: 0...2) == 0 ? rng.bytes(rng.count(in: 0...12)) : []
        case 18:
            command = .prepareData
            payload = Bool.random(using: &rng) ? Fixture.le32(UInt32(rng.count(in: 0...2_000))) : rng.bytes(rng.count(in: 0...6))
        case 19:
            command = .data
            payload = rng.bytes(rng.count(in: 0...600))
        case 20:
            command = .saveUsersAndTemplates
        case 21:
            command = .getOneTemplate
            payload = rng.bytes(rng.count(in: 0...4))
        case 22:
            command = [ZKCommand.unlock, .powerOff, .startEnroll, .restart, .ackError, .ackUnknown].randomElement(using: &rng)!
            payload = rng.bytes(rng.count(in: 0...30))
        case 23:
            // EXIT, rarely, so sessions live long enough to reach deep states.
            command = rng.count(in: 0...9) == 0 ? .exit : .getFreeSizes
        default:
            command = ZKCommand(rawValue: UInt16.random(in: 0...UInt16.max, using: &rng))
            payload = rng.bytes(rng.count(in: 0...(rng.count(in: 0...9) == 0 ? 2_000 : 64)))
        }
        return ZKPacket(
            command: command, sessionID: rng.count(in: 0...9) == 0 ? 0 : model.sessionID, replyID: replyID, payload: payload)
    }

    static func randomAnswer(_ rng: inout SplitMix64, for query: ZKDeviceQuery?) -> ZKDeviceAnswer {
        // Mostly the answer the query asks for, sometimes anything at all.
        var kind = rng.count(in: 0...5)
        if let query, rng.count(in: 0...4) != 0 {
            switch query {
            case .inventory: kind = 0
            case .users: kind = 1
            case .attendanceBuffer, .templatesBuffer: kind = 2
            case .template: kind = 3
            case .getTime: kind = 4
            default: kind = 5
            }
        }
        switch kind {
        case 0:
            let users = (0..<rng.count(in: 0...30)).map { _ in randomUser(&rng) }
            let count = rng.count(in: 0...5_000)
            let after = Int64(rng.count(in: 0...100_000))
            return .inventory(
                ZKInventory(
                    users: users, fingers: rng.count(in: 0...100),
                    attendance: PullAttendanceBounds(afterSeq: after, throughSeq: after + Int64(count), count: count)))
        case 1:
            return .users((0..<rng.count(in: 0...40)).map { _ in randomUser(&rng) })
        case 2:
            let length = rng.count(in: 0...9) == 0 ? rng.count(in: 0...200_000) : rng.count(in: 0...3_000)
            let through: Int64? = rng.count(in: 0...3) == 0 ? nil : Int64(rng.count(in: 0...1_000_000))
            return .buffer(rng.bytes(length), attendanceThroughSeq: through)
        case 3:
            return .template(rng.count(in: 0...3) == 0 ? nil : rng.bytes(rng.count(in: 0...1_023)))
        case 4:
            return .time(randomTime(&rng))
        default:
            return .done(Bool.random(using: &rng))
        }
    }

    // MARK: Checks

    static func checkReply(
        _ output: ZKSessionOutput, to request: ZKPacket, _ model: inout Model, before: ZKSessionStateMachine,
        after: ZKSessionStateMachine
    ) {
        let context = "step \(model.steps): \(request.command) reply \(request.replyID) -> \(output.packets.map(\.command))"
        if request.command == .ackOK {
            // Never answered: at most the next live event, released by this ack.
            #expect(output.packets.allSatisfy(Fixture.isEvent), "\(context)")
            #expect(output.packets.count <= 1, "\(context)")
            #expect(output.packets.isEmpty || model.eventOutstanding, "\(context)")
            #expect(output.query == nil && !output.close && !output.restart, "\(context)")
            if model.eventOutstanding { model.eventOutstanding = !output.packets.isEmpty }
            return
        }
        if before.isClosed {
            #expect(output.packets.isEmpty && output.query == nil, "\(context)")
            return
        }
        // Every packet echoes the request's reply id and carries the session id.
        #expect(output.packets.allSatisfy { $0.replyID == request.replyID && $0.sessionID == model.sessionID }, "\(context)")
        if before.isAwaitingDevice {
            #expect(output.packets.map(\.command) == [.ackErrorCommand], "\(context)")
            #expect(output.query == nil, "\(context)")
            return
        }
        // Every request is answered: a reply now, or a query whose answer will be the reply.
        #expect(output.packets.isEmpty != (output.query == nil), "\(context)")
        #expect(output.close == (request.command == .exit && output.packets.first?.command == .ackOK), "\(context)")
        #expect(!output.restart || (request.command == .restart && !model.readOnly && before.isEstablished), "\(context)")
        #expect(!output.startEventAckTimer, "\(context)")
        if let query = output.query {
            #expect(after.isAwaitingDevice, "\(context)")
            if model.readOnly {
                switch query {
                case .writeUser, .deleteUser, .deleteTemplate, .clearAttendance, .clearAllData, .saveUserTemplates:
                    Issue.record("read-only session asked \(query.name): \(context)")
                default: break
                }
            }
            model.pending = (request, query)
            return
        }
        let isBulkRead = request.command == .readBuffer && output.packets.count > 1
        if isBulkRead {
            checkChunk(output, request, model, context)
        } else {
            #expect(output.packets.count == 1, "\(context)")
            #expect(output.packets.allSatisfy { $0.payload.count <= 1_024 }, "\(context)")
        }
        if before.isEstablished, request.command == .readBuffer, let range = try? ZKReadBufferRequest.decode(request.payload) {
            // The model knows whether the request fits the open buffer.
            let fits = model.bufferSize.map { range.start >= 0 && range.size > 0 && Int(range.start) + Int(range.size) <= $0 } ?? false
            #expect(isBulkRead == fits, "\(context), buffer \(String(describing: model.bufferSize))")
        }
        if let reply = output.packets.first, plainCommands.contains(request.command) {
            #expect(reply.payload.isEmpty, "\(context)")
        }
        if before.isEstablished, output.packets.first?.command == .ackOK {
            switch request.command {
            case .prepareBuffer:
                model.bufferSize = Int(Fixture.uint32(output.packets[0].payload, at: 1))
            case .freeData:
                model.bufferSize = nil
            case .exit:
                model.bufferSize = nil
                model.eventOutstanding = false
            case .registerEvent:
                // The machine reads a missing or short mask as 0.
                let mask = request.payload.count >= 4 ? Fixture.uint32(request.payload, at: 0) : 0
                if mask & ZKEventFlag.attendance == 0 { model.eventOutstanding = false }
            default: break
            }
        }
    }

    static func checkChunk(_ output: ZKSessionOutput, _ request: ZKPacket, _ model: Model, _ context: String) {
        let size = Int(Fixture.uint32(request.payload, at: 4))
        #expect(output.packets.first?.command == .prepareData, "\(context)")
        #expect(output.packets.first?.payload == Fixture.le32(UInt32(size)) + [0, 0, 0, 0], "\(context)")
        #expect(output.packets.last?.command == .ackOK, "\(context)")
        #expect(output.packets.last?.payload.isEmpty == true, "\(context)")
        let data = output.packets.dropFirst().dropLast()
        #expect(data.allSatisfy { $0.command == .data }, "\(context)")
        #expect(data.reduce(0) { $0 + $1.payload.count } == size, "\(context)")
        switch model.transport {
        case .tcp: #expect(data.count == 1, "\(context)")
        case .udp: #expect(data.allSatisfy { !$0.payload.isEmpty && $0.payload.count <= 1_024 }, "\(context)")
        }
    }

    static func checkAnswer(_ output: ZKSessionOutput, _ model: inout Model, before: ZKSessionStateMachine) {
        let context = "step \(model.steps): answer"
        guard let pending = model.pending, before.isAwaitingDevice else {
            #expect(output == .none, "\(context) with nothing pending")
            return
        }
        model.pending = nil
        #expect(output.query == nil && !output.close && !output.restart && !output.startEventAckTimer, "\(context)")
        #expect(output.packets.count == 1, "\(context) to \(pending.request.command)")
        #expect(
            output.packets.allSatisfy { $0.replyID == pending.request.replyID && $0.sessionID == model.sessionID },
            "\(context) to \(pending.request.command)")
        #expect(output.packets.allSatisfy { $0.payload.count <= 1_024 }, "\(context)")
        if let reply = output.packets.first, reply.command == .ackOK, pending.request.command == .prepareBuffer {
            #expect(reply.payload.count == 13, "\(context)")
            model.bufferSize = Int(Fixture.uint32(reply.payload, at: 1))
        }
    }

    static func checkEvent(_ output: ZKSessionOutput, _ model: inout Model, before: ZKSessionStateMachine, timeout: Bool) {
        let context = "step \(model.steps): \(timeout ? "ack timeout" : "punch")"
        #expect(output.packets.count <= 1, "\(context)")
        #expect(output.packets.allSatisfy(Fixture.isEvent), "\(context)")
        #expect(output.startEventAckTimer == !output.packets.isEmpty, "\(context)")
        #expect(output.query == nil && !output.close, "\(context)")
        if timeout {
            #expect(output.packets.isEmpty || model.eventOutstanding, "\(context)")
            if model.eventOutstanding { model.eventOutstanding = !output.packets.isEmpty }
        } else {
            let expected = before.wantsLiveAttendance && !model.eventOutstanding
            #expect(output.packets.count == (expected ? 1 : 0), "\(context)")
            if expected { model.eventOutstanding = true }
        }
    }

    // MARK: The run

    @Test(arguments: [UInt64(1), 2, 3, 4_370, 0xDEAD_BEEF, 0x1FFF])
    func randomTrafficKeepsEveryProtocolRule(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var steps = 0
        var replies = 0
        var chunks = 0
        var answered = 0
        var events = 0
        while steps < 8_000 {
            let commKey: UInt32 = Bool.random(using: &rng) ? 0 : UInt32.random(in: 1...UInt32.max, using: &rng)
            var model = Model(
                commKey: commKey, sessionID: UInt16.random(in: 1...0x1FFF, using: &rng),
                transport: Bool.random(using: &rng) ? .tcp : .udp, readOnly: rng.count(in: 0...2) == 0)
            var session = Fixture.machine(
                commKey: commKey, readOnly: model.readOnly, transport: model.transport, sessionID: model.sessionID)
            // Usually start with a proper handshake so the deep states are reached.
            if Bool.random(using: &rng) {
                _ = session.received(Fixture.request(.connect, replyID: 0, sessionID: 0))
                _ = session.received(
                    Fixture.request(.auth, replyID: 1, payload: ZKCommKey.make(key: commKey, sessionID: model.sessionID)))
            }
            for _ in 0..<2_000 {
                steps += 1
                model.steps += 1
                let before = session
                switch rng.count(in: 0...99) {
                case 0..<58:
                    var request = Self.randomRequest(&rng, model)
                    if rng.count(in: 0...19) == 0 {
                        // Off the wire with a broken checksum: still processed.
                        var frame = request.encoded()
                        frame[2] ^= UInt8.random(in: 1...255, using: &rng)
                        request = try! ZKPacket.decode(datagram: frame)
                    }
                    let output = session.received(request)
                    if !request.hasValidChecksum {
                        #expect(output.notices.first.map { if case .badChecksum = $0 { true } else { false } } == true)
                    }
                    replies += output.packets.count
                    if request.command == .readBuffer, output.packets.count > 1 { chunks += 1 }
                    Self.checkReply(output, to: request, &model, before: before, after: session)
                case 58..<75:
                    let output = session.deviceAnswered(Self.randomAnswer(&rng, for: model.pending?.query))
                    answered += output.packets.count
                    Self.checkAnswer(output, &model, before: before)
                case 75..<85:
                    let event = ZKLiveEvent(
                        userID: String(rng.count(in: 1...99_999)), verify: 1, state: 0,
                        time: ZKDateTime(year: 2024, month: 5, day: 1, hour: 8, minute: 0, second: rng.count(in: 0...59)))
                    let output = session.punchRecorded(event)
                    events += output.packets.count
                    Self.checkEvent(output, &model, before: before, timeout: false)
                case 85..<90:
                    Self.checkEvent(session.eventAckTimedOut(), &model, before: before, timeout: true)
                case 90..<98:
                    let ack = Fixture.request(.ackOK, replyID: rng.count(in: 0...3) == 0 ? UInt16.random(in: 0...9, using: &rng) : 0)
                    Self.checkReply(session.received(ack), to: ack, &model, before: before, after: session)
                default:
                    if rng.count(in: 0...9) == 0 {
                        session.close()
                        model.pending = nil
                        model.bufferSize = nil
                        model.eventOutstanding = false
                    }
                }
                if session.isClosed {
                    #expect(!session.isDeviceDisabled && !session.wantsLiveAttendance && !session.isAwaitingDevice)
                    model.bufferSize = nil
                    model.eventOutstanding = false
                    model.pending = nil
                    if rng.count(in: 0...4) == 0 { break }
                }
                #expect(session.isAwaitingDevice == (model.pending != nil), "step \(model.steps)")
            }
        }
        // The run reached the deep states, not just the handshake.
        #expect(replies > 3_000)
        #expect(chunks > 40)
        #expect(answered > 200)
        #expect(events > 30)
    }
}
