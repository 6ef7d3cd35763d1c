extension ZKSessionStateMachine {
    /// Feeds the kiosk's answer to the query in flight and returns the reply to write.
    public mutating func deviceAnswered(_ answer: ZKDeviceAnswer) -> ZKSessionOutput {
        guard let pending else { return .none }
        self.pending = nil
        let request = pending.request
        if phase == .closed { return .none }
        switch (pending.query, answer) {
        case (.inventory, .inventory(let inventory)):
            self.inventory = inventory
            return self.answer(.ackOK, to: request, payload: inventory.freeSizes.encoded())
        case (.users, .users(let users)):
            return snapshot(BulkSnapshot(bytes: Self.usersBuffer(users), attendanceThroughSeq: nil), for: request)
        case (.attendanceBuffer, .buffer(let bytes, let through)), (.templatesBuffer, .buffer(let bytes, let through)):
            return snapshot(BulkSnapshot(bytes: bytes, attendanceThroughSeq: through), for: request)
        case (.template, .template(let template?)):
            // pyzk drops the last byte of a template read. Over UDP a datagram holds 1,024 data bytes.
            let payload = template + [0]
            guard configuration.transport == .udp, payload.count > ZKTransportKind.udpDataChunk else {
                return self.answer(.data, to: request, payload: payload)
            }
            return ZKSessionOutput(packets: chunked(payload, to: request))
        case (.getTime, .time(let time)):
            guard let packed = ZKPackedTime.encode(time) else { return self.answer(.ackError, to: request) }
            return self.answer(.ackOK, to: request, payload: ZKLittleEndian.bytes(packed))
        case (.writeUser, .done(let ok)), (.saveUserTemplates, .done(let ok)), (.deleteUser, .done(let ok)),
            (.deleteTemplate, .done(let ok)),
            (.clearAttendance, .done(let ok)), (.clearAllData, .done(let ok)), (.setTime, .done(let ok)):
            return self.answer(ok ? .ackOK : .ackError, to: request)
        default:
            return self.answer(.ackError, to: request)
        }
    }
}
