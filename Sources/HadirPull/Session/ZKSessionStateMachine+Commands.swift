extension ZKSessionStateMachine {
    /// Dispatches a request of an established session.
    mutating func command(_ request: ZKPacket) -> ZKSessionOutput {
        switch request.command {
        case .connect: return answer(.ackOK, to: request)
        case .exit: return exit(request)
        case .enableDevice:
            isDeviceDisabled = false
            return answer(.ackOK, to: request, notices: [.deviceEnabled])
        case .disableDevice:
            isDeviceDisabled = true
            return answer(.ackOK, to: request, notices: [.deviceDisabled])
        case .getFreeSizes: return ask(.inventory, for: request)
        case .getVersion:
            return answer(.ackOK, to: request, payload: Array(configuration.device.firmwareVersion.utf8) + [0])
        case .optionsRead: return readOption(request)
        case .optionsWrite, .refreshData, .refreshOption, .cancelCapture, .startVerify, .testVoice:
            return answer(.ackOK, to: request)
        case .getPinWidth: return answer(.ackOK, to: request, payload: [configuration.device.pinWidth])
        case .getTime: return ask(.getTime, for: request)
        case .setTime: return setTime(request)
        case .prepareBuffer: return prepareBuffer(request)
        case .readBuffer: return readBuffer(request)
        case .freeData:
            bulk = nil
            upload = nil
            return answer(.ackOK, to: request)
        case .prepareData: return beginUpload(request)
        case .data: return continueUpload(request)
        case .registerEvent: return registerEvents(request)
        case .userWrite, .deleteUser, .deleteUserTemplate, .clearAttlog, .clearData, .restart, .saveUsersAndTemplates:
            return write(request)
        case .getOneTemplate: return readOneTemplate(request)
        case .unlock, .powerOff, .startEnroll:
            // No door relay, no remote power-off, no remote enrolment on a Hadir kiosk.
            return answer(.ackError, to: request)
        case .ackError, .ackUnknown:
            // pyzk probes with these as requests; any short reply will do.
            return answer(.ackUnknown, to: request)
        default:
            return answer(.ackUnknown, to: request, notices: [.unknownCommand(request.command)])
        }
    }

    mutating func ask(_ query: ZKDeviceQuery, for request: ZKPacket) -> ZKSessionOutput {
        pending = PendingQuery(request: request, query: query)
        return ZKSessionOutput(query: query)
    }

    private func readOption(_ request: ZKPacket) -> ZKSessionOutput {
        let name = ZKOptionCodec.name(fromRequest: request.payload)
        guard let value = configuration.device.option(named: name) else { return answer(.ackError, to: request) }
        return answer(.ackOK, to: request, payload: ZKOptionCodec.reply(name: name, value: value))
    }

    private mutating func setTime(_ request: ZKPacket) -> ZKSessionOutput {
        guard let packed = ZKLittleEndian.uint32(ifPresentIn: request.payload, at: 0) else {
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "SET_TIME needs 4 bytes")])
        }
        let time = ZKPackedTime.decode(packed)
        // A time the packed format cannot carry back (after 2099) would break GET_TIME.
        guard time.isValid, ZKPackedTime.encode(time) != nil else {
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "impossible time \(time)")])
        }
        return ask(.setTime(time), for: request)
    }

    private mutating func registerEvents(_ request: ZKPacket) -> ZKSessionOutput {
        let mask = ZKLittleEndian.uint32(ifPresentIn: request.payload, at: 0) ?? 0
        eventMask = mask
        if mask & ZKEventFlag.attendance == 0 {
            // Stop the moment REG_EVENT(0) arrives (reference §8).
            queuedEvents = []
            awaitingEventAck = false
        }
        return answer(.ackOK, to: request, notices: [.eventsRegistered(mask: mask)])
    }

    /// Requests that change data: refused in read-only mode, otherwise passed to the kiosk.
    private mutating func write(_ request: ZKPacket) -> ZKSessionOutput {
        if configuration.readOnly { return answer(.ackError, to: request, notices: [.refusedReadOnly(request.command)]) }
        let payload = request.payload
        switch request.command {
        case .userWrite:
            do {
                return ask(.writeUser(try ZKUser.decode(payload)), for: request)
            } catch {
                return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "\(error)")])
            }
        case .deleteUser:
            guard let uid = ZKLittleEndian.uint16(ifPresentIn: payload, at: 0) else {
                return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "DELETE_USER needs a uid")])
            }
            return ask(.deleteUser(uid: uid), for: request)
        case .deleteUserTemplate:
            guard let uid = ZKLittleEndian.uint16(ifPresentIn: payload, at: 0), payload.count >= 3 else {
                return answer(
                    .ackError, to: request, notices: [.malformed(request.command, reason: "DELETE_USERTEMP needs uid and finger")])
            }
            return ask(.deleteTemplate(uid: uid, finger: payload[2]), for: request)
        case .clearAttlog:
            return ask(.clearAttendance(downloadedThroughSeq: downloadedThroughSeq), for: request)
        case .clearData:
            // The SDK may name the table in one byte: 1 = attendance only.
            switch payload.first {
            case nil, 0: return ask(.clearAllData(downloadedThroughSeq: downloadedThroughSeq), for: request)
            case 1: return ask(.clearAttendance(downloadedThroughSeq: downloadedThroughSeq), for: request)
            case let table?:
                return answer(
                    .ackError, to: request, notices: [.malformed(request.command, reason: "CLEAR_DATA of table \(table) is not supported")])
            }
        case .saveUsersAndTemplates:
            defer { upload = nil }
            guard let bytes = upload, bytes.count == uploadExpected else {
                return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "no complete upload")])
            }
            do {
                return ask(.saveUserTemplates(try ZKUserTemplateUpload.decode(bytes)), for: request)
            } catch {
                return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "\(error)")])
            }
        case .restart:
            var output = answer(.ackOK, to: request)
            output.restart = true
            return output
        default:
            return answer(.ackUnknown, to: request, notices: [.unknownCommand(request.command)])
        }
    }

    /// PREPARE_DATA from the client: an upload of `size` bytes follows in DATA packets.
    private mutating func beginUpload(_ request: ZKPacket) -> ZKSessionOutput {
        guard let size = ZKLittleEndian.uint32(ifPresentIn: request.payload, at: 0), size > 0, size <= Self.maximumUpload else {
            upload = nil
            return answer(
                .ackError, to: request, notices: [.malformed(request.command, reason: "upload size must be 1…\(Self.maximumUpload) bytes")])
        }
        upload = []
        upload?.reserveCapacity(Int(size))
        uploadExpected = Int(size)
        return answer(.ackOK, to: request)
    }

    private mutating func continueUpload(_ request: ZKPacket) -> ZKSessionOutput {
        guard let received = upload?.count, received + request.payload.count <= uploadExpected else {
            upload = nil
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "DATA beyond the announced upload")])
        }
        upload?.append(contentsOf: request.payload)
        return answer(.ackOK, to: request)
    }

    private mutating func readOneTemplate(_ request: ZKPacket) -> ZKSessionOutput {
        guard let uid = ZKLittleEndian.uint16(ifPresentIn: request.payload, at: 0), request.payload.count >= 3 else {
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "template read needs uid and finger")])
        }
        return ask(.template(uid: uid, finger: request.payload[2]), for: request)
    }
}
