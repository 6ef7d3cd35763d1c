extension ZKSessionStateMachine {
    /// Feeds one request from the client.
    public mutating func received(_ packet: ZKPacket) -> ZKSessionOutput {
        var output = receivedChecked(packet)
        if let received = packet.receivedChecksum, !packet.hasValidChecksum {
            // Logged and processed: pyzk's own checksum is right, other clients' may not be.
            output.notices.insert(.badChecksum(command: packet.command, received: received, expected: packet.expectedChecksum), at: 0)
        }
        return output
    }

    private mutating func receivedChecked(_ packet: ZKPacket) -> ZKSessionOutput {
        // An ACK_OK is the client acknowledging a live event: never answered.
        if packet.command == .ackOK { return eventAcknowledged() }
        if pending != nil {
            // The server feeds nothing while a query is out; answer rather than lose the request.
            return answer(
                .ackErrorCommand, to: packet, notices: [.malformed(packet.command, reason: "request while another is in progress")])
        }
        switch phase {
        case .closed:
            return .none
        case .awaitingConnect:
            guard packet.command == .connect else { return answer(.ackUnauth, to: packet) }
            return connect(packet)
        case .awaitingAuthentication:
            switch packet.command {
            case .auth: return authenticate(packet)
            case .connect: return connect(packet)
            case .exit: return exit(packet)
            default: return answer(.ackUnauth, to: packet)
            }
        case .established:
            return command(packet)
        }
    }

    private mutating func connect(_ request: ZKPacket) -> ZKSessionOutput {
        if configuration.commKey == 0 {
            phase = .established
            return answer(.ackOK, to: request)
        }
        phase = .awaitingAuthentication
        return answer(.ackUnauth, to: request)
    }

    private mutating func authenticate(_ request: ZKPacket) -> ZKSessionOutput {
        guard ZKCommKey.verify(request.payload, key: configuration.commKey, sessionID: sessionID) else {
            // ACK_UNAUTH, not a close: pyzk then raises its "Unauthenticated" error.
            return answer(.ackUnauth, to: request, notices: [.authenticationFailed])
        }
        phase = .established
        return answer(.ackOK, to: request, notices: [.authenticated])
    }

    mutating func exit(_ request: ZKPacket) -> ZKSessionOutput {
        var output = answer(.ackOK, to: request)
        close()
        output.close = true
        return output
    }
}
