import HadirCore
import HadirFuzzSupport
import HadirPull
import HadirStore

/// One thing that happens to a session.
enum ZKSessionEvent {
    case request(ZKPacket)
    case answer(ZKDeviceAnswer)
    case punch(ZKLiveEvent)
    case eventAckTimeout
    case close
}

/// Turns fuzzer bytes into session events. Payloads are mostly shaped like what real clients send
/// (a right or wrong comm key, buffer requests within the open snapshot, user records), so the
/// machine's deep states are reached; raw bytes and unknown codes cover the rest.
enum ZKSessionScript {
    static let commKey: UInt32 = 123_456
    /// Enough for long sessions; bounded so one input never runs for long.
    static let maximumSteps = 400

    static let device = ZKDeviceInfo(serialNumber: "HDR-FUZZ-0001", deviceName: "Hadir Fuzz", macAddress: "02:00:00:00:00:01")

    /// Requests the session knows, so most mutations of a command byte stay meaningful.
    static let commands: [ZKCommand] = [
        .connect, .auth, .exit, .enableDevice, .disableDevice, .getFreeSizes, .getVersion, .optionsRead, .optionsWrite, .refreshData,
        .refreshOption, .cancelCapture, .startVerify, .testVoice, .getPinWidth, .getTime, .setTime, .prepareBuffer, .readBuffer,
        .freeData, .prepareData, .data, .registerEvent, .userWrite, .deleteUser, .deleteUserTemplate, .clearAttlog, .clearData,
        .restart, .saveUsersAndTemplates, .getOneTemplate, .unlock, .powerOff, .startEnroll, .ackOK, .ackError, .ackUnknown,
    ]

    static let optionNames = ["~SerialNumber", "~Platform", "~DeviceName", "MAC", "~ExtendFmt", "~PIN2Width", "IPAddress", "~Nope"]

    static func event(_ input: inout FuzzInput, _ model: ZKSessionModel) -> ZKSessionEvent {
        switch input.byte() % 16 {
        case 0..<9: .request(request(&input, model))
        case 9, 10, 11: .answer(answer(&input, for: model.pendingQuery))
        case 12: .punch(punch(&input))
        case 13: .eventAckTimeout
        case 14: .request(ZKPacket(command: .ackOK, sessionID: model.sessionID, replyID: input.bool() ? 0 : input.uint16()))
        default: input.byte() < 32 ? .close : .eventAckTimeout
        }
    }

    static func request(_ input: inout FuzzInput, _ model: ZKSessionModel) -> ZKPacket {
        let selector = input.byte()
        let command = selector < 240 ? commands[Int(selector) % commands.count] : ZKCommand(rawValue: input.uint16())
        let replyID = input.uint16()
        let payload = self.payload(&input, model)
        let packet = ZKPacket(command: command, sessionID: model.sessionID, replyID: replyID, payload: payload)
        guard input.byte() == 0xFF else { return packet }
        // Off the wire with a broken checksum: still processed, and reported.
        var datagram = packet.encoded()
        datagram[2] ^= 0x5A
        return (try? ZKPacket.decode(datagram: datagram)) ?? packet
    }

    static func payload(_ input: inout FuzzInput, _ model: ZKSessionModel) -> [UInt8] {
        switch input.byte() % 10 {
        case 0: return []
        case 1: return ZKCommKey.make(key: input.bool() ? commKey : input.uint32(), sessionID: model.sessionID, ticks: input.byte())
        case 2:
            let requests: [(UInt16, UInt32)] = [(9, 5), (13, 0), (7, 2), (7, 1), (input.uint16(), input.uint32())]
            let (subcommand, fct) = requests[input.index(requests.count)]
            return ZKBufferRequest(subcommand: subcommand, fct: fct).encoded()
        case 3: return readBuffer(&input, bufferSize: model.bufferSize)
        case 4: return le32(input.uint32())
        case 5: return Array((optionNames[input.index(optionNames.count)] + (input.bool() ? "\0" : "=1")).utf8)
        case 6: return input.take(ZKUser.size72)
        case 7: return le32(UInt32(input.uint16()))
        default: return input.take(Int(input.byte()))
        }
    }

    /// READ_BUFFER: mostly a range inside the open snapshot, sometimes an edge value.
    static func readBuffer(_ input: inout FuzzInput, bufferSize: Int?) -> [UInt8] {
        if let size = bufferSize, size > 0, input.byte() < 192 {
            let start = Int(input.uint16()) % size
            let count = Int(input.uint16()) % (size - start) + 1
            // Reads from the start in whole chunks usually, so complete downloads happen.
            let fromStart = input.bool()
            return ZKReadBufferRequest(start: Int32(fromStart ? 0 : start), size: Int32(fromStart ? size : count)).encoded()
        }
        let edges: [Int32] = [Int32.min, -1, 0, 1, 1_024, 65_472, Int32.max]
        return ZKReadBufferRequest(start: edges[input.index(edges.count)], size: edges[input.index(edges.count)]).encoded()
    }

    /// The kiosk's answer: usually the kind the query asks for (as ``ZKDeviceAnswer`` documents it:
    /// a seq only for attendance), sometimes any kind, which the machine must refuse.
    static func answer(_ input: inout FuzzInput, for query: ZKDeviceQuery?) -> ZKDeviceAnswer {
        let matching = input.byte() < 200
        switch (matching ? query : nil, input.byte() % 6) {
        case (.inventory?, _), (nil, 0):
            let users = (0..<Int(input.byte() % 8)).map { user($0, &input) }
            let count = Int(input.uint16())
            let after = Int64(input.uint16())
            return .inventory(
                ZKInventory(
                    users: users, fingers: Int(input.byte()),
                    attendance: PullAttendanceBounds(afterSeq: after, throughSeq: after + Int64(count), count: count)))
        case (.users?, _), (nil, 1):
            return .users((0..<Int(input.byte() % 8)).map { user($0, &input) })
        case (.attendanceBuffer?, _):
            return .buffer(buffer(&input), attendanceThroughSeq: input.bool() ? Int64(input.uint16()) : nil)
        case (.templatesBuffer?, _), (nil, 2):
            return .buffer(buffer(&input), attendanceThroughSeq: nil)
        case (.template?, _), (nil, 3):
            return .template(input.bool() ? nil : [UInt8](repeating: 0x5A, count: Int(input.uint16() % 3_000)))
        case (.getTime?, _), (nil, 4):
            return .time(
                ZKDateTime(
                    year: 1_990 + Int(input.byte() % 120), month: Int(input.byte() % 14), day: Int(input.byte() % 33),
                    hour: Int(input.byte() % 25), minute: Int(input.byte() % 61), second: Int(input.byte() % 61)))
        default:
            return .done(input.bool())
        }
    }

    /// A bulk buffer of up to ~48 KB (its content does not matter to the session, only its size).
    static func buffer(_ input: inout FuzzInput) -> [UInt8] {
        [UInt8](repeating: 0xA5, count: Int(input.uint16()) % 48_000)
    }

    static func user(_ index: Int, _ input: inout FuzzInput) -> ZKUser {
        ZKUser(uid: UInt16(index + 1), privilege: input.byte() & 0x0F, name: "Pegawai \(index)", userID: String(19_000 + index))
    }

    static func punch(_ input: inout FuzzInput) -> ZKLiveEvent {
        ZKLiveEvent(
            userID: String(input.uint16()), verify: 1, state: 0,
            time: ZKDateTime(year: 2025, month: 5, day: 1, hour: 8, minute: 0, second: Int(input.byte() % 60)))
    }

    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}
