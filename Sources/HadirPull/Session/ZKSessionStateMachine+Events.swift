extension ZKSessionStateMachine {
    /// A punch was recorded (after COMMIT): a live event for sessions that registered EF_ATTLOG.
    ///
    /// One 36-byte event per write, and the next only after the client's ACK_OK or the ack timer:
    /// pyzk acks once per read and crashes on some merged payloads (reference §8).
    public mutating func punchRecorded(_ event: ZKLiveEvent) -> ZKSessionOutput {
        guard wantsLiveAttendance else { return .none }
        if awaitingEventAck {
            queuedEvents.append(event)
            return .none
        }
        return send(event)
    }

    /// The client did not ack the last event in time: do not insist, go on with the next.
    public mutating func eventAckTimedOut() -> ZKSessionOutput {
        eventAcknowledged()
    }

    mutating func eventAcknowledged() -> ZKSessionOutput {
        guard awaitingEventAck else { return .none }
        awaitingEventAck = false
        guard wantsLiveAttendance, !queuedEvents.isEmpty else { return .none }
        return send(queuedEvents.removeFirst())
    }

    private mutating func send(_ event: ZKLiveEvent) -> ZKSessionOutput {
        awaitingEventAck = true
        // Events carry the event flag in the session field and reply id 0.
        let packet = ZKPacket(command: .registerEvent, sessionID: UInt16(ZKEventFlag.attendance), replyID: 0, payload: event.encoded())
        return ZKSessionOutput(packets: [packet], startEventAckTimer: true)
    }
}
