import AsyncAlgorithms
import NIOCore

extension ZKPullServer {
    /// One TCP connection: one session, opened by its first packet (a silent or garbage-sending
    /// connection never holds one), its requests processed strictly in order.
    func serveTCP(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let peer = connection.channel.remoteAddress?.ipAddress ?? "unknown"
        guard configuration.allowList.allows(peer) else {
            counters.update { $0.refusedByAllowList += 1 }
            refusals.log(.warning, kind: "allow", "pull connection refused: address not in [pull] allow", metadata: ["peer": "\(peer)"])
            // Through executeThenClose: an async channel's writer must be finished, even unused.
            try? await connection.executeThenClose { _, _ in }
            return
        }
        var session: ZKTCPSession?
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await run(&session, peer: peer, channel: connection.channel, inbound: inbound) { packet in
                    try await outbound.write(ByteBuffer(bytes: packet.encodedForTCP()))
                }
            }
        } catch {
            logger.debug("pull connection ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
        guard var session else { return }
        session.machine.close()
        sessions.close(session.context.sessionID, for: peer)
        counters.update {
            $0.tcpSessions -= 1
            if session.disabled { $0.disabledSessions -= 1 }
        }
    }

    /// The largest first packet of a connection (header included); a CONNECT carries no payload.
    static let firstPacketMaximumLength = 1_024

    /// Opens the connection's session for its first packet; nil (and counted) when the limits refuse.
    private func openSession(peer: String, channel: any Channel) -> ZKTCPSession? {
        switch sessions.open(for: peer) {
        case .success(let sessionID):
            gate.markProven(channel)
            counters.update {
                $0.tcpSessions += 1
                $0.sessionsServed += 1
            }
            return ZKTCPSession(
                machine: ZKSessionStateMachine(configuration: configuration.sessionConfiguration(.tcp), sessionID: sessionID),
                context: ZKQueryContext(peer: peer, sessionID: sessionID, transport: .tcp))
        case .failure(let refusal):
            counters.update {
                if refusal == .perAddressLimit { $0.refusedOverAddressLimit += 1 } else { $0.refusedOverSessionLimit += 1 }
            }
            let reason = refusal == .perAddressLimit ? "max_sessions_per_address" : "max_sessions"
            refusals.log(
                .warning, kind: "session-\(reason)", "pull connection refused: [pull] \(reason) reached", metadata: ["peer": "\(peer)"])
            return nil
        }
    }

    private func run(
        _ session: inout ZKTCPSession?, peer: String, channel: any Channel, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        write: (ZKPacket) async throws -> Void
    ) async throws {
        // Until a session opens, only a small packet (CONNECT is 8 bytes) is buffered: a silent
        // connection's trickle of a huge frame cannot hold a megabyte until its deadline.
        var decoder = ZKTCPFrameDecoder(maximumPacketLength: Self.firstPacketMaximumLength)
        var liveEvents: AsyncStream<ZKLiveEvent>?
        var ackGeneration = 0
        var lastRequest = ContinuousClock.now
        let idleTimeout = Duration.seconds(configuration.idleTimeoutSeconds)
        let timers = ZKSessionTimers(tickSeconds: min(5, configuration.idleTimeoutSeconds))
        defer { timers.stop() }
        func perform(_ output: ZKSessionOutput, on session: inout ZKTCPSession) async throws -> Bool {
            try await drive(output, machine: &session.machine, disabled: &session.disabled, context: session.context, write: write) {
                ackGeneration += 1
                timers.startEventAckTimer(generation: ackGeneration, seconds: configuration.eventAckTimeoutSeconds)
            }
        }
        /// Answers every whole packet buffered; false when the connection is to close.
        func answerBufferedPackets() async throws -> Bool {
            while true {
                let packet: ZKPacket?
                do {
                    packet = try decoder.next()
                } catch {
                    counters.update { $0.badFrames += 1 }
                    refusals.log(.warning, kind: "frame", "closing pull connection: \(error)", metadata: ["peer": "\(peer)"])
                    return false
                }
                guard let packet else { return true }
                guard limiter.allow(peer) else {
                    counters.update { $0.rateLimited += 1 }
                    refusals.log(.warning, kind: "rate", "closing pull connection: request rate exceeded", metadata: ["peer": "\(peer)"])
                    return false
                }
                if session == nil {
                    session = openSession(peer: peer, channel: channel)
                    guard session != nil else { return false }
                    // From the session's first request on, so no punch falls between it and REG_EVENT.
                    liveEvents = events.subscribe()
                    timers.startTicking()
                    decoder.maximumPacketLength = ZKTCPFrameDecoder.defaultMaximumPacketLength
                }
                guard var current = session else { return false }
                lastRequest = .now
                let open = try await perform(current.machine.received(packet), on: &current)
                session = current
                guard open else { return false }
            }
        }

        // Before a session: this connection's bytes only. No live-event subscription, no timer,
        // no merge task, so each of a flood of silent or garbage connections costs one suspended
        // task, and a punch wakes none of them. The connection gate's deadline closes the silent.
        var bytes = inbound.makeAsyncIterator()
        while session == nil {
            guard let buffer = try await bytes.next() else { return }
            decoder.append(buffer.readableBytesView)
            guard try await answerBufferedPackets() else { return }
        }
        guard let liveEvents else { return }

        let inputs = merge(
            chain(ResumedInbound(iterator: bytes).map { ZKConnectionInput.bytes($0) }, [ZKConnectionInput.peerClosed].async),
            liveEvents.map { ZKConnectionInput.event($0) }, timers.stream)
        for try await input in inputs {
            switch input {
            case .peerClosed:
                return
            case .bytes(let buffer):
                decoder.append(buffer.readableBytesView)
                guard try await answerBufferedPackets() else { return }
            case .event(let event):
                guard var current = session else { continue }
                let open = try await perform(current.machine.punchRecorded(event), on: &current)
                session = current
                guard open else { return }
            case .eventAckTimeout(let generation):
                guard generation == ackGeneration, var current = session else { continue }
                let open = try await perform(current.machine.eventAckTimedOut(), on: &current)
                session = current
                guard open else { return }
            case .tick:
                guard let current = session else { continue }
                if !current.machine.wantsLiveAttendance, ContinuousClock.now - lastRequest > idleTimeout {
                    logger.info("closing idle pull connection", metadata: ["peer": "\(peer)"])
                    return
                }
            }
            if var current = session {
                trackDisabled(current.machine, &current.disabled)
                session = current
            }
        }
    }

    /// Writes an output's packets, performs its effects and its query, and goes on with the
    /// answer's output until the session waits for its next input; false when it is to close.
    /// TCP connections and UDP sessions differ only in how they write and time event acks.
    func drive(
        _ first: ZKSessionOutput, machine: inout ZKSessionStateMachine, disabled: inout Bool, context: ZKQueryContext,
        write: (ZKPacket) async throws -> Void, startEventAckTimer: () -> Void
    ) async throws -> Bool {
        var output = first
        while true {
            note(output.notices, context: context)
            for packet in output.packets { try await write(packet) }
            if output.startEventAckTimer { startEventAckTimer() }
            if output.restart {
                let device = self.device
                Task { await device.restart(context: context) }
            }
            trackDisabled(machine, &disabled)
            if output.close { return false }
            guard let query = output.query else { return true }
            output = machine.deviceAnswered(await device.answer(query, context: context))
        }
    }

    func trackDisabled(_ machine: ZKSessionStateMachine, _ disabled: inout Bool) {
        guard machine.isDeviceDisabled != disabled else { return }
        disabled = machine.isDeviceDisabled
        let delta = disabled ? 1 : -1
        counters.update { $0.disabledSessions += delta }
    }
}

/// A TCP connection's session, once its first packet has opened one.
struct ZKTCPSession {
    var machine: ZKSessionStateMachine
    let context: ZKQueryContext
    var disabled = false
}

/// A connection's inbound bytes after the session-opening packet was read from them directly. The
/// iterator moves once, into the session loop's merge, and is never used by two tasks at a time:
/// what NIO's warning against sharing it is about.
struct ResumedInbound: AsyncSequence, @unchecked Sendable {
    typealias Element = ByteBuffer
    let iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

    func makeAsyncIterator() -> NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator { iterator }
}
