import HadirFuzzSupport
import HadirPull

/// What the protocol rules (reference §1, §5, §8) say about a session, kept beside the machine and
/// checked after every event: the shape of each reply, which queries a request may raise, the bulk
/// snapshot, the live-event flow, and how far CLEAR_ATTLOG may clear.
struct ZKSessionModel {
    let configuration: ZKSessionConfiguration
    let sessionID: UInt16
    /// The request whose query is out, and that query.
    private(set) var pending: (request: ZKPacket, query: ZKDeviceQuery)?
    /// The open bulk snapshot: its size, attendance seq, and the bytes served from its start.
    private(set) var bufferSize: Int?
    private var bufferThrough: Int64?
    private var servedPrefix = 0
    /// The highest attendance seq of a snapshot the client read in full: CLEAR_ATTLOG's limit.
    private var downloadedThrough: Int64?
    /// A live event was sent and its ACK_OK (or timeout) has not come.
    private var eventOutstanding = false

    init(configuration: ZKSessionConfiguration, sessionID: UInt16) {
        self.configuration = configuration
        self.sessionID = sessionID
    }

    var pendingQuery: ZKDeviceQuery? { pending?.query }

    /// Applies `event` to `session` and checks the output and the state after it.
    mutating func step(_ event: ZKSessionEvent, on session: inout ZKSessionStateMachine) {
        let before = session
        switch event {
        case .request(let packet):
            let output = session.received(packet)
            checkChecksumNotice(output, packet)
            if packet.command == .ackOK {
                checkEventAck(output)
            } else {
                checkReply(output, to: packet, before: before, after: session)
            }
        case .answer(let answer):
            checkAnswer(session.deviceAnswered(answer), answer, before: before)
        case .punch:
            guard case .punch(let punch) = event else { return }
            checkPunch(session.punchRecorded(punch), before: before)
        case .eventAckTimeout:
            checkEventAck(session.eventAckTimedOut())
        case .close:
            session.close()
        }
        if session.isClosed { forgetSession() }
        checkState(session)
    }

    // MARK: Requests

    private mutating func checkReply(
        _ output: ZKSessionOutput, to request: ZKPacket, before: ZKSessionStateMachine, after: ZKSessionStateMachine
    ) {
        let context = "\(request.command) (reply id \(request.replyID)) -> \(output.packets.map(\.command))"
        fuzzCheck(!output.startEventAckTimer, "a request started the event timer: \(context)")
        if before.isClosed {
            // Notices (a bad checksum) may still be logged; nothing is sent or done.
            fuzzCheck(
                output.packets.isEmpty && output.query == nil && !output.close && !output.restart, "a closed session answered: \(context)")
            return
        }
        fuzzCheck(output.packets.allSatisfy { isReply($0, to: request) }, "a reply does not echo the request: \(context)")
        checkTransportLimits(output.packets, context)
        if before.isAwaitingDevice {
            // The server feeds nothing while a query is out; a request anyway gets an error, not a loss.
            fuzzCheck(output.packets.map(\.command) == [.ackErrorCommand] && output.query == nil, "request during a query: \(context)")
            return
        }
        // Every request is answered: by a reply now, or by a query whose answer becomes the reply.
        fuzzCheck(output.packets.isEmpty != (output.query == nil), "neither reply nor query, or both: \(context)")
        fuzzCheck(output.close == (request.command == .exit && output.packets.first?.command == .ackOK), "close: \(context)")
        fuzzCheck(
            !output.restart || (request.command == .restart && !configuration.readOnly && before.isEstablished), "restart: \(context)")
        if let query = output.query {
            checkQuery(query, for: request, before: before, after: after)
            return
        }
        let reply = output.packets[0]
        if request.command == .readBuffer, output.packets.count > 1 {
            checkBulkRead(output.packets, request, context)
        } else {
            fuzzCheck(output.packets.count == 1, "\(output.packets.count) packets: \(context)")
            if request.command == .readBuffer, before.isEstablished, reply.command == .ackOK {
                fuzzCheck(false, "READ_BUFFER answered ACK_OK without data: \(context)")
            }
        }
        if ZKSessionRules.plainReplies.contains(request.command) {
            fuzzCheck(reply.payload.isEmpty, "payload where pyzk reads a bare header: \(context)")
        }
        if !before.isEstablished {
            fuzzCheck(
                [ZKCommand.ackOK, .ackUnauth].contains(reply.command), "before the handshake only ACK_OK/ACK_UNAUTH: \(context)")
        }
        if before.isEstablished, reply.command == .ackOK { applyAcknowledged(request, reply) }
    }

    /// A query is raised only by an established session, only for a request that asks for it, and
    /// never for a write in read-only mode.
    private mutating func checkQuery(
        _ query: ZKDeviceQuery, for request: ZKPacket, before: ZKSessionStateMachine, after: ZKSessionStateMachine
    ) {
        let context = "\(request.command) raised \(query.name)"
        fuzzCheck(before.isEstablished, "query before the handshake: \(context)")
        fuzzCheck(after.isAwaitingDevice, "query without awaiting the device: \(context)")
        fuzzCheck(ZKSessionRules.query(query, answers: request.command), "query not for this request: \(context)")
        fuzzCheck(!(configuration.readOnly && ZKSessionRules.isWrite(query)), "read-only session asked to write: \(context)")
        switch query {
        case .clearAttendance(let through), .clearAllData(let through):
            fuzzCheck(
                through == downloadedThrough,
                "clear up to \(String(describing: through)), downloaded \(String(describing: downloadedThrough))")
        default: break
        }
        pending = (request, query)
    }

    /// PREPARE_DATA with the size, the data (one packet on TCP, ≤ 1,024-byte datagrams on UDP), ACK_OK.
    private mutating func checkBulkRead(_ packets: [ZKPacket], _ request: ZKPacket, _ context: String) {
        guard let range = try? ZKReadBufferRequest.decode(request.payload), let size = bufferSize else {
            fuzzCheck(false, "bulk data without an open snapshot: \(context)")
            return
        }
        let start = Int(range.start)
        let end = start + Int(range.size)
        fuzzCheck(range.start >= 0 && range.size > 0 && end <= size, "bulk data outside the snapshot of \(size) bytes: \(context)")
        fuzzCheck(packets.first?.command == .prepareData, "bulk read does not start with PREPARE_DATA: \(context)")
        fuzzCheck(packets.first?.payload == ZKSessionScript.le32(UInt32(range.size)) + [0, 0, 0, 0], "PREPARE_DATA size: \(context)")
        fuzzCheck(
            packets.last?.command == .ackOK && packets.last?.payload.isEmpty == true, "bulk read does not end with ACK_OK: \(context)")
        let data = packets.dropFirst().dropLast()
        fuzzCheck(data.allSatisfy { $0.command == .data && !$0.payload.isEmpty }, "bulk read carries non-DATA packets: \(context)")
        fuzzCheck(data.reduce(0) { $0 + $1.payload.count } == Int(range.size), "bulk read sends the wrong amount: \(context)")
        if configuration.transport == .tcp { fuzzCheck(data.count == 1, "TCP bulk read in \(data.count) DATA packets: \(context)") }
        if start <= servedPrefix { servedPrefix = max(servedPrefix, end) }
        if servedPrefix == size, let through = bufferThrough {
            downloadedThrough = max(downloadedThrough ?? through, through)
        }
    }

    /// What an ACK_OK to an established session's request changes.
    private mutating func applyAcknowledged(_ request: ZKPacket, _ reply: ZKPacket) {
        switch request.command {
        case .prepareBuffer:
            // Only the users buffer is answered at once, from the inventory; it carries no seq.
            openSnapshot(reply, through: nil)
        case .freeData:
            bufferSize = nil
        case .registerEvent:
            let mask = request.payload.count >= 4 ? ZKSessionRules.uint32(request.payload) : 0
            if mask & ZKEventFlag.attendance == 0 { eventOutstanding = false }
        default: break
        }
    }

    private mutating func openSnapshot(_ reply: ZKPacket, through: Int64?) {
        fuzzCheck(reply.payload.count == 13, "PREPARE_BUFFER ACK_OK payload of \(reply.payload.count) bytes")
        guard reply.payload.count == 13 else { return }
        bufferSize = Int(ZKSessionRules.uint32(Array(reply.payload[1..<5])))
        bufferThrough = through
        servedPrefix = 0
    }

    // MARK: Answers, events

    private mutating func checkAnswer(_ output: ZKSessionOutput, _ answer: ZKDeviceAnswer, before: ZKSessionStateMachine) {
        guard let (request, query) = pending else {
            fuzzCheck(output == .none, "an answer with nothing pending was answered")
            return
        }
        pending = nil
        let context = "answer to \(request.command) (\(query.name)) -> \(output.packets.map(\.command))"
        fuzzCheck(
            output.query == nil && !output.close && !output.restart && !output.startEventAckTimer, "answer raised effects: \(context)")
        fuzzCheck(output.packets.allSatisfy { isReply($0, to: request) }, "answer does not echo the request: \(context)")
        checkTransportLimits(output.packets, context)
        if case .template = query, output.packets.count > 1 {
            fuzzCheck(configuration.transport == .udp, "template in several packets on TCP: \(context)")
            fuzzCheck(
                output.packets.first?.command == .prepareData && output.packets.last?.command == .ackOK, "template chunks: \(context)")
        } else {
            fuzzCheck(output.packets.count == 1, "answer in \(output.packets.count) packets: \(context)")
        }
        guard let reply = output.packets.first else { return }
        fuzzCheck(reply.command != .ackOK || ZKSessionRules.answer(answer, fits: query), "mismatched answer accepted: \(context)")
        if request.command == .prepareBuffer, reply.command == .ackOK {
            guard case .buffer(_, let through) = answer else { return openSnapshot(reply, through: nil) }
            openSnapshot(reply, through: through)
        }
    }

    private mutating func checkPunch(_ output: ZKSessionOutput, before: ZKSessionStateMachine) {
        let sends = before.wantsLiveAttendance && !eventOutstanding
        fuzzCheck(output.packets.count == (sends ? 1 : 0), "punch sent \(output.packets.count) events, expected \(sends ? 1 : 0)")
        fuzzCheck(output.packets.allSatisfy(ZKSessionRules.isLiveEvent), "punch sent a non-event packet")
        fuzzCheck(output.startEventAckTimer == sends && output.query == nil && !output.close, "punch effects")
        if sends { eventOutstanding = true }
    }

    /// A client ACK_OK or the ack timer: never answered, at most the next queued event is released.
    private mutating func checkEventAck(_ output: ZKSessionOutput) {
        fuzzCheck(output.packets.count <= 1 && output.packets.allSatisfy(ZKSessionRules.isLiveEvent), "event ack answered")
        fuzzCheck(output.packets.isEmpty || eventOutstanding, "an event released with none outstanding")
        fuzzCheck(output.startEventAckTimer == !output.packets.isEmpty, "event timer not started with the event")
        fuzzCheck(output.query == nil && !output.close && !output.restart, "event ack raised effects")
        if eventOutstanding { eventOutstanding = !output.packets.isEmpty }
    }

    // MARK: Every step

    private func checkChecksumNotice(_ output: ZKSessionOutput, _ packet: ZKPacket) {
        guard !packet.hasValidChecksum else { return }
        let reported = output.notices.first.map { if case .badChecksum = $0 { true } else { false } } ?? false
        fuzzCheck(reported, "a bad checksum was not reported")
    }

    /// UDP: every datagram within pyzk's 1,032-byte read; both: session id on every reply.
    private func checkTransportLimits(_ packets: [ZKPacket], _ context: String) {
        fuzzCheck(packets.allSatisfy { $0.sessionID == sessionID }, "reply with a foreign session id: \(context)")
        if configuration.transport == .udp {
            fuzzCheck(packets.allSatisfy { $0.payload.count <= 1_024 }, "UDP datagram over 1,032 bytes: \(context)")
        }
    }

    private func isReply(_ packet: ZKPacket, to request: ZKPacket) -> Bool {
        packet.replyID == request.replyID && packet.command != .registerEvent
    }

    private func checkState(_ session: ZKSessionStateMachine) {
        fuzzCheck(
            session.isAwaitingDevice == (pending != nil), "awaiting the device: \(session.isAwaitingDevice), model: \(pending != nil)")
        fuzzCheck(session.downloadedThroughSeq == downloadedThrough || session.isClosed, "downloaded through seq diverged")
        if session.isClosed {
            fuzzCheck(!session.isDeviceDisabled && !session.wantsLiveAttendance && !session.isAwaitingDevice, "closed session kept state")
        }
    }

    private mutating func forgetSession() {
        pending = nil
        bufferSize = nil
        eventOutstanding = false
    }
}
