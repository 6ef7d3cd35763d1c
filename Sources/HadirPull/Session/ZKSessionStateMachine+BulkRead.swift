extension ZKSessionStateMachine {
    /// PREPARE_BUFFER: snapshot the table now; the snapshot stays fixed until FREE_DATA.
    mutating func prepareBuffer(_ request: ZKPacket) -> ZKSessionOutput {
        let bufferRequest: ZKBufferRequest
        do {
            bufferRequest = try ZKBufferRequest.decode(request.payload)
        } catch {
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "\(error)")])
        }
        switch bufferRequest.content {
        case .users:
            // The users GET_FREE_SIZES counted, so count and buffer agree.
            guard let users = inventory?.users else { return ask(.users, for: request) }
            return snapshot(BulkSnapshot(bytes: Self.usersBuffer(users), attendanceThroughSeq: nil), for: request)
        case .attendance:
            return ask(.attendanceBuffer(inventory?.attendance), for: request)
        case .templates:
            return ask(.templatesBuffer, for: request)
        case .unsupported(let subcommand, let fct):
            return answer(.ackError, to: request, notices: [.unsupportedBuffer(subcommand: subcommand, fct: fct)])
        }
    }

    /// Keeps the snapshot and announces its size: ACK_OK + `00`, total, total, 4 zero bytes.
    mutating func snapshot(_ snapshot: BulkSnapshot, for request: ZKPacket) -> ZKSessionOutput {
        bulk = snapshot
        let total = ZKLittleEndian.bytes(UInt32(clamping: snapshot.bytes.count))
        return answer(.ackOK, to: request, payload: [0] + total + total + [0, 0, 0, 0])
    }

    /// READ_BUFFER: one chunk of the snapshot, as PREPARE_DATA, DATA, ACK_OK with the request's reply id.
    mutating func readBuffer(_ request: ZKPacket) -> ZKSessionOutput {
        let range: ZKReadBufferRequest
        do {
            range = try ZKReadBufferRequest.decode(request.payload)
        } catch {
            return answer(.ackError, to: request, notices: [.malformed(request.command, reason: "\(error)")])
        }
        let size = bulk?.bytes.count ?? 0
        let start = Int(range.start)
        let end = start + Int(range.size)
        guard var bulk, range.start >= 0, range.size > 0, end <= size else {
            return answer(
                .ackError, to: request, notices: [.bufferRequestOutOfRange(start: range.start, size: range.size, bufferSize: size)])
        }
        let packets = chunked(Array(bulk.bytes[start..<end]), to: request)
        if start <= bulk.servedPrefix { bulk.servedPrefix = max(bulk.servedPrefix, end) }
        self.bulk = bulk
        if bulk.servedPrefix == size, let through = bulk.attendanceThroughSeq {
            // The client now holds every record of this snapshot: CLEAR_ATTLOG may clear up to here.
            downloadedThroughSeq = max(downloadedThroughSeq ?? through, through)
        }
        return ZKSessionOutput(packets: packets)
    }

    /// PREPARE_DATA, the data, ACK_OK: one DATA packet on TCP (several hang pyzk 0.9), DATA
    /// datagrams of at most 1,024 bytes on UDP (pyzk reads 1,032 at a time).
    func chunked(_ data: [UInt8], to request: ZKPacket) -> [ZKPacket] {
        var packets = [reply(.prepareData, to: request, payload: ZKLittleEndian.bytes(UInt32(data.count)) + [0, 0, 0, 0])]
        switch configuration.transport {
        case .tcp:
            packets.append(reply(.data, to: request, payload: data))
        case .udp:
            var offset = 0
            while offset < data.count {
                let next = min(offset + ZKTransportKind.udpDataChunk, data.count)
                packets.append(reply(.data, to: request, payload: Array(data[offset..<next])))
                offset = next
            }
        }
        packets.append(reply(.ackOK, to: request))
        return packets
    }

    /// The users bulk buffer in the 72-byte format.
    static func usersBuffer(_ users: [ZKUser]) -> [UInt8] {
        ZKBulkBuffer.make(recordBytes: users.count * ZKUser.size72) { buffer in
            for user in users { user.encode72(into: &buffer) }
        }
    }
}
