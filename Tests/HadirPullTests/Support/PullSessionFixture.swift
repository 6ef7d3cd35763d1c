import HadirPull
import HadirStore
import Testing

/// Sessions, requests and kiosk answers for the state-machine tests: no sockets, no store.
enum PullSessionFixture {
    /// The session id of the reference vectors (`D0 07 5D F3 D2 04 00 00`, AUTH `26 7F 32 FD`).
    static let sessionID: UInt16 = 0x04D2
    /// The comm key of the reference AUTH vector.
    static let commKey: UInt32 = 123_456

    static let device = ZKDeviceInfo(
        serialNumber: "HDR2024000001", platform: "ZMM220_TFT", deviceName: "Hadir Lobby", macAddress: "02:00:00:12:34:56",
        firmwareVersion: "Ver 6.60 Hadir", pinWidth: 24, ipAddress: "192.168.1.201", netmask: "255.255.255.0",
        gateway: "192.168.1.1")

    /// pyzk's read sizes: 65,472 bytes per READ_BUFFER on TCP, 16,384 on UDP.
    static let tcpChunk = 0xFFC0
    static let udpChunk = 16 * 1024

    // MARK: Sessions

    static func machine(
        commKey: UInt32 = 0, readOnly: Bool = false, transport: ZKTransportKind = .tcp, sessionID: UInt16 = sessionID
    ) -> ZKSessionStateMachine {
        ZKSessionStateMachine(
            configuration: ZKSessionConfiguration(commKey: commKey, readOnly: readOnly, transport: transport, device: device),
            sessionID: sessionID)
    }

    /// A session past CONNECT, and past AUTH when it has a comm key.
    static func established(
        commKey: UInt32 = 0, readOnly: Bool = false, transport: ZKTransportKind = .tcp, sessionID: UInt16 = sessionID
    ) -> ZKSessionStateMachine {
        var session = machine(commKey: commKey, readOnly: readOnly, transport: transport, sessionID: sessionID)
        _ = session.received(request(.connect, replyID: 0, sessionID: 0))
        if commKey != 0 {
            _ = session.received(request(.auth, replyID: 1, payload: ZKCommKey.make(key: commKey, sessionID: sessionID)))
        }
        precondition(session.isEstablished)
        return session
    }

    /// A session whose GET_FREE_SIZES was answered with `inventory`.
    static func withInventory(_ inventory: ZKInventory, transport: ZKTransportKind = .tcp) -> ZKSessionStateMachine {
        var session = established(transport: transport)
        _ = session.received(request(.getFreeSizes, replyID: 2))
        _ = session.deviceAnswered(.inventory(inventory))
        return session
    }

    /// A session holding `buffer` as its open bulk snapshot (PREPARE_BUFFER attendance, answered).
    static func withBuffer(
        _ buffer: [UInt8], attendanceThroughSeq: Int64? = nil, transport: ZKTransportKind = .tcp, readOnly: Bool = false
    ) -> ZKSessionStateMachine {
        var session = established(readOnly: readOnly, transport: transport)
        _ = session.received(request(.prepareBuffer, replyID: 3, payload: attendanceBufferRequest))
        _ = session.deviceAnswered(.buffer(buffer, attendanceThroughSeq: attendanceThroughSeq))
        return session
    }

    /// A client request; the session field is what pyzk sends after CONNECT.
    static func request(_ command: ZKCommand, replyID: UInt16 = 7, payload: [UInt8] = [], sessionID: UInt16 = sessionID) -> ZKPacket {
        ZKPacket(command: command, sessionID: sessionID, replyID: replyID, payload: payload)
    }

    /// The packet as it arrives off the wire (so it carries a received checksum).
    static func wire(_ packet: ZKPacket) -> ZKPacket {
        try! ZKPacket.decode(datagram: packet.encoded())
    }

    // MARK: Payloads

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)] }

    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    /// pyzk's `pack('h', uid)`: a signed int16.
    static func int16(_ value: Int16) -> [UInt8] { le16(UInt16(bitPattern: value)) }

    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    /// PREPARE_BUFFER payloads as pyzk sends them.
    static let usersBufferRequest = ProtocolHex.bytes("01 09 00 05 00 00 00 00 00 00 00")
    static let attendanceBufferRequest = ProtocolHex.bytes("01 0D 00 00 00 00 00 00 00 00 00")
    static let templatesBufferRequest = ProtocolHex.bytes("01 07 00 02 00 00 00 00 00 00 00")

    static func readBuffer(start: Int32, size: Int32) -> [UInt8] {
        ZKReadBufferRequest(start: start, size: size).encoded()
    }

    /// The PREPARE_BUFFER ACK_OK payload for a buffer of `total` bytes.
    static func bufferAnnouncement(total: Int) -> [UInt8] {
        [0] + le32(UInt32(total)) + le32(UInt32(total)) + [0, 0, 0, 0]
    }

    // MARK: Records

    static func users(_ count: Int) -> [ZKUser] {
        (0..<count).map { index -> ZKUser in
            let privilege: UInt8 = index % 5 == 0 ? 14 : 0
            let password = index % 2 == 0 ? "" : "12" + String(index % 10)
            return ZKUser(
                uid: UInt16(index + 1), privilege: privilege, password: password, name: "Pegawai " + String(index),
                card: UInt32(index * 17), group: 1, userID: String(19_000 + index))
        }
    }

    static func records(_ count: Int) -> [ZKAttendanceRecord] {
        let verifies: [UInt8] = [1, 3, 4, 15]
        return (0..<count).map { index -> ZKAttendanceRecord in
            let time = ZKDateTime(
                year: 2024, month: index % 12 + 1, day: index % 28 + 1, hour: index % 24, minute: index % 60, second: (index * 7) % 60)
            return ZKAttendanceRecord(
                uid: UInt16(index % 300 + 1), userID: String(19_000 + index % 300), verify: verifies[index % 4], time: time,
                state: UInt8(index % 6))
        }
    }

    static func attendanceBuffer(_ records: [ZKAttendanceRecord]) -> [UInt8] {
        ZKBulkBuffer.make(recordBytes: records.count * ZKAttendanceRecord.size) { buffer in
            for record in records { record.encode(into: &buffer) }
        }
    }

    static func inventory(users: [ZKUser], records: Int, afterSeq: Int64 = 0, fingers: Int = 0) -> ZKInventory {
        ZKInventory(
            users: users, fingers: fingers,
            attendance: PullAttendanceBounds(afterSeq: afterSeq, throughSeq: afterSeq + Int64(records), count: records))
    }

    /// Reads the open buffer the way pyzk's `read_with_buffer` does (full chunks, then the rest),
    /// checking each chunk's packets, and returns the reassembled bytes.
    static func readWholeBuffer(
        _ session: inout ZKSessionStateMachine, total: Int, chunk: Int, firstReplyID: UInt16 = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        var replyID = firstReplyID
        var start = 0
        while start < total {
            let size = min(chunk, total - start)
            let read = request(.readBuffer, replyID: replyID, payload: readBuffer(start: Int32(start), size: Int32(size)))
            let output = session.received(read)
            #expect(output.packets.count >= 3, sourceLocation: sourceLocation)
            #expect(output.packets.allSatisfy { $0.replyID == replyID && $0.sessionID == sessionID }, sourceLocation: sourceLocation)
            #expect(output.packets.first?.command == .prepareData, sourceLocation: sourceLocation)
            #expect(output.packets.first?.payload == le32(UInt32(size)) + [0, 0, 0, 0], sourceLocation: sourceLocation)
            #expect(
                output.packets.last == ZKPacket(command: .ackOK, sessionID: sessionID, replyID: replyID), sourceLocation: sourceLocation)
            for packet in output.packets.dropFirst().dropLast() {
                #expect(packet.command == .data, sourceLocation: sourceLocation)
                bytes.append(contentsOf: packet.payload)
            }
            start += size
            replyID &+= 1
        }
        return bytes
    }

    // MARK: Checks

    /// True for a device-to-client live event: command 500, EF_ATTLOG in the session field, reply id 0, 36 bytes.
    static func isEvent(_ packet: ZKPacket) -> Bool {
        packet.command == .registerEvent && packet.sessionID == 1 && packet.replyID == 0 && packet.payload.count == ZKLiveEvent.size
    }

    static func isMalformed(_ notices: [ZKSessionNotice], _ command: ZKCommand) -> Bool {
        notices.contains { notice in
            if case .malformed(let noticed, _) = notice { return noticed == command }
            return false
        }
    }

    /// Expects `output` to be exactly one `command` reply to `request` (and nothing else to do);
    /// `payload` nil skips the payload check.
    static func expectReply(
        _ output: ZKSessionOutput, _ command: ZKCommand, to request: ZKPacket, payload: [UInt8]? = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(output.packets.count == 1, "\(output.packets)", sourceLocation: sourceLocation)
        guard let reply = output.packets.first else { return }
        #expect(reply.command == command, "\(reply.command) instead of \(command)", sourceLocation: sourceLocation)
        #expect(reply.replyID == request.replyID, sourceLocation: sourceLocation)
        #expect(reply.sessionID == sessionID, sourceLocation: sourceLocation)
        if let payload { #expect(reply.payload == payload, sourceLocation: sourceLocation) }
        #expect(output.query == nil, sourceLocation: sourceLocation)
        #expect(!output.restart, sourceLocation: sourceLocation)
        #expect(!output.startEventAckTimer, sourceLocation: sourceLocation)
    }

    /// Expects `output` to write nothing and hand `query` to the kiosk.
    static func expectQuery(_ output: ZKSessionOutput, _ query: ZKDeviceQuery, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.packets.isEmpty, "\(output.packets)", sourceLocation: sourceLocation)
        #expect(output.query == query, sourceLocation: sourceLocation)
        #expect(!output.close, sourceLocation: sourceLocation)
    }
}
