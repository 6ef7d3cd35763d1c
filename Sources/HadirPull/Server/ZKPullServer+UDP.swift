import AsyncAlgorithms
import NIOCore

extension ZKPullServer {
    /// A UDP session: keyed by the client's address and the session id it was given.
    struct UDPSessionKey: Hashable, Sendable {
        var peer: SocketAddress
        var sessionID: UInt16
    }

    struct UDPSession: Sendable {
        var machine: ZKSessionStateMachine
        var context: ZKQueryContext
        var lastRequest: ContinuousClock.Instant
        var ackGeneration = 0
        var disabled = false
    }

    /// All UDP sessions share one socket and one loop; pyzk never retransmits, so every datagram
    /// is answered to its source address.
    func serveUDP(_ channel: ZKUDPChannel) async throws {
        let timers = ZKSessionTimers(tickSeconds: min(5, configuration.idleTimeoutSeconds))
        timers.startTicking()
        defer { timers.stop() }
        var sessions: [UDPSessionKey: UDPSession] = [:]
        var ackTimers: [Int: UDPSessionKey] = [:]
        var nextTimer = 0
        defer {
            for (_, session) in sessions { release(session) }
        }
        try await channel.executeThenClose { inbound, outbound in
            let inputs = merge(
                inbound.map { UDPInput.datagram($0) }, events.subscribe().map { UDPInput.session(.event($0)) },
                timers.stream.map { UDPInput.session($0) })

            func perform(_ output: ZKSessionOutput, key: UDPSessionKey) async throws {
                guard var session = sessions[key] else { return }
                var generation: Int?
                let open = try await drive(
                    output, machine: &session.machine, disabled: &session.disabled, context: session.context,
                    write: { packet in
                        try await outbound.write(AddressedEnvelope(remoteAddress: key.peer, data: ByteBuffer(bytes: packet.encoded())))
                    },
                    startEventAckTimer: {
                        nextTimer += 1
                        generation = nextTimer
                        ackTimers[nextTimer] = key
                        timers.startEventAckTimer(generation: nextTimer, seconds: configuration.eventAckTimeoutSeconds)
                    })
                if let generation { session.ackGeneration = generation }
                guard open else {
                    sessions[key] = nil
                    release(session)
                    return
                }
                sessions[key] = session
            }

            for try await input in inputs {
                switch input {
                case .datagram(let envelope):
                    if let (output, key) = try await received(envelope, sessions: &sessions, outbound: outbound) {
                        try await perform(output, key: key)
                    }
                case .session(.event(let event)):
                    for key in Array(sessions.keys) {
                        guard let output = sessions[key]?.machine.punchRecorded(event) else { continue }
                        try await perform(output, key: key)
                    }
                case .session(.eventAckTimeout(let generation)):
                    guard let key = ackTimers.removeValue(forKey: generation), sessions[key]?.ackGeneration == generation,
                        let output = sessions[key]?.machine.eventAckTimedOut()
                    else { continue }
                    try await perform(output, key: key)
                case .session(.tick):
                    let now = ContinuousClock.now
                    for (key, session) in sessions
                    where !session.machine.wantsLiveAttendance && now - session.lastRequest > .seconds(configuration.idleTimeoutSeconds) {
                        logger.info("forgetting idle pull session", metadata: ["peer": "\(session.context.peer)"])
                        sessions[key] = nil
                        release(session)
                    }
                case .session:
                    continue
                }
            }
        }
    }

    private func received(
        _ envelope: AddressedEnvelope<ByteBuffer>, sessions: inout [UDPSessionKey: UDPSession],
        outbound: NIOAsyncChannelOutboundWriter<AddressedEnvelope<ByteBuffer>>
    ) async throws -> (ZKSessionOutput, UDPSessionKey)? {
        let peer = envelope.remoteAddress.ipAddress ?? "unknown"
        guard configuration.allowList.allows(peer) else {
            counters.update { $0.refusedByAllowList += 1 }
            refusals.log(.warning, kind: "allow", "pull datagram ignored: address not in [pull] allow", metadata: ["peer": "\(peer)"])
            return nil
        }
        guard limiter.allow(peer) else {
            counters.update { $0.rateLimited += 1 }
            return nil
        }
        let packet: ZKPacket
        do {
            packet = try ZKPacket.decode(datagram: envelope.data.readableBytesView)
        } catch {
            counters.update { $0.badFrames += 1 }
            refusals.log(.warning, kind: "datagram", "pull datagram ignored: \(error)", metadata: ["peer": "\(peer)"])
            return nil
        }
        var key = UDPSessionKey(peer: envelope.remoteAddress, sessionID: packet.sessionID)
        if sessions[key] == nil {
            guard packet.command == .connect else {
                // No such session: tell the client to connect again rather than stay silent.
                let reply = ZKPacket(command: .ackUnauth, sessionID: packet.sessionID, replyID: packet.replyID)
                try await outbound.write(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: reply.encoded())))
                return nil
            }
            let sessionID: UInt16
            switch self.sessions.open(for: peer) {
            case .success(let id):
                sessionID = id
            case .failure(let refusal):
                counters.update {
                    if refusal == .perAddressLimit { $0.refusedOverAddressLimit += 1 } else { $0.refusedOverSessionLimit += 1 }
                }
                let reason = refusal == .perAddressLimit ? "max_sessions_per_address" : "max_sessions"
                refusals.log(
                    .warning, kind: "session-\(reason)", "pull session refused: [pull] \(reason) reached", metadata: ["peer": "\(peer)"])
                let reply = ZKPacket(command: .ackError, sessionID: 0, replyID: packet.replyID)
                try await outbound.write(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: reply.encoded())))
                return nil
            }
            key.sessionID = sessionID
            counters.update {
                $0.udpSessions += 1
                $0.sessionsServed += 1
            }
            sessions[key] = UDPSession(
                machine: ZKSessionStateMachine(configuration: configuration.sessionConfiguration(.udp), sessionID: sessionID),
                context: ZKQueryContext(peer: peer, sessionID: sessionID, transport: .udp), lastRequest: .now)
        }
        guard let output = sessions[key]?.machine.received(packet) else { return nil }
        sessions[key]?.lastRequest = .now
        return (output, key)
    }

    private func release(_ session: UDPSession) {
        sessions.close(session.context.sessionID, for: session.context.peer)
        counters.update {
            $0.udpSessions -= 1
            if session.disabled { $0.disabledSessions -= 1 }
        }
    }
}

/// The UDP loop's inputs: datagrams from any client, plus the session-level inputs.
enum UDPInput: Sendable {
    case datagram(AddressedEnvelope<ByteBuffer>)
    case session(ZKConnectionInput)
}
