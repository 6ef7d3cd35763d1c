import AsyncAlgorithms
import NIOCore

extension ZKPullServer {
    /// One TCP connection: one session, its requests processed strictly in order.
    func serveTCP(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let peer = connection.channel.remoteAddress?.ipAddress ?? "unknown"
        guard configuration.allowList.allows(peer) else {
            counters.update { $0.refusedByAllowList += 1 }
            logger.warning("pull connection refused: address not in [pull] allow", metadata: ["peer": "\(peer)"])
            try? await connection.channel.close()
            return
        }
        guard sessionIDs.liveCount < configuration.maximumSessions, let sessionID = sessionIDs.allocate() else {
            counters.update { $0.refusedOverSessionLimit += 1 }
            logger.warning("pull connection refused: session limit reached", metadata: ["peer": "\(peer)"])
            try? await connection.channel.close()
            return
        }
        counters.update {
            $0.tcpSessions += 1
            $0.sessionsServed += 1
        }
        let context = ZKQueryContext(peer: peer, sessionID: sessionID, transport: .tcp)
        var machine = ZKSessionStateMachine(configuration: configuration.sessionConfiguration(.tcp), sessionID: sessionID)
        var disabled = false
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await run(&machine, inbound: inbound, context: context, disabled: &disabled) { packet in
                    try await outbound.write(ByteBuffer(bytes: packet.encodedForTCP()))
                }
            }
        } catch {
            logger.debug("pull connection ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
        machine.close()
        sessionIDs.release(sessionID)
        counters.update {
            $0.tcpSessions -= 1
            if disabled { $0.disabledSessions -= 1 }
        }
    }

    private func run(
        _ machine: inout ZKSessionStateMachine, inbound: NIOAsyncChannelInboundStream<ByteBuffer>, context: ZKQueryContext,
        disabled: inout Bool, write: (ZKPacket) async throws -> Void
    ) async throws {
        let timers = ZKSessionTimers(tickSeconds: min(5, configuration.idleTimeoutSeconds))
        defer { timers.stop() }
        let inputs = merge(
            chain(inbound.map { ZKConnectionInput.bytes($0) }, [ZKConnectionInput.peerClosed].async),
            events.subscribe().map { ZKConnectionInput.event($0) }, timers.stream)
        var decoder = ZKTCPFrameDecoder()
        var ackGeneration = 0
        var lastRequest = ContinuousClock.now
        let idleTimeout = Duration.seconds(configuration.idleTimeoutSeconds)
        func perform(_ output: ZKSessionOutput, on machine: inout ZKSessionStateMachine) async throws -> Bool {
            try await drive(output, machine: &machine, disabled: &disabled, context: context, write: write) {
                ackGeneration += 1
                timers.startEventAckTimer(generation: ackGeneration, seconds: configuration.eventAckTimeoutSeconds)
            }
        }

        for try await input in inputs {
            var outputs: [ZKSessionOutput] = []
            switch input {
            case .peerClosed:
                return
            case .bytes(let buffer):
                decoder.append(buffer.readableBytesView)
                while true {
                    let packet: ZKPacket?
                    do {
                        packet = try decoder.next()
                    } catch {
                        counters.update { $0.badFrames += 1 }
                        logger.warning("closing pull connection: \(error)", metadata: ["peer": "\(context.peer)"])
                        return
                    }
                    guard let packet else { break }
                    guard limiter.allow(context.peer) else {
                        counters.update { $0.rateLimited += 1 }
                        logger.warning("closing pull connection: request rate exceeded", metadata: ["peer": "\(context.peer)"])
                        return
                    }
                    lastRequest = .now
                    let output = machine.received(packet)
                    guard try await perform(output, on: &machine) else { return }
                }
            case .event(let event):
                outputs.append(machine.punchRecorded(event))
            case .eventAckTimeout(let generation):
                if generation == ackGeneration { outputs.append(machine.eventAckTimedOut()) }
            case .tick:
                if !machine.wantsLiveAttendance, ContinuousClock.now - lastRequest > idleTimeout {
                    logger.info("closing idle pull connection", metadata: ["peer": "\(context.peer)"])
                    return
                }
            }
            for output in outputs { guard try await perform(output, on: &machine) else { return } }
            trackDisabled(machine, &disabled)
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
