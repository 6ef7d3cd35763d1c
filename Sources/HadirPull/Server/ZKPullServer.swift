import HadirConnectionLimits
import Logging
import NIOCore
import NIOPosix

/// The ZK pull server on TCP and UDP (port 4370 by default): the SwiftNIO shell around
/// ``ZKSessionStateMachine``. It moves bytes, enforces the allow-list, session limit and request
/// rate, and performs the sessions' queries through a ``ZKPullDevice``. A ``ConnectionGate`` in
/// front of every TCP connection caps them before a byte is read (DESIGN §7.7).
public final class ZKPullServer: Sendable {
    public let configuration: ZKPullServerConfiguration
    let device: any ZKPullDevice
    let events: ZKLiveEventHub
    let logger: Logger
    let sessions: ZKSessionAdmission
    let counters = ZKPullServerCounters()
    let limiter: RateLimiterBox
    let gate: ConnectionGate
    /// Warnings caused by clients, at most one per kind every 10 s.
    let refusals: RefusalLog

    public init(configuration: ZKPullServerConfiguration, device: any ZKPullDevice, events: ZKLiveEventHub, logger: Logger) {
        self.configuration = configuration
        self.device = device
        self.events = events
        self.logger = logger
        self.limiter = RateLimiterBox(
            ZKRateLimiter(requestsPerSecond: configuration.requestsPerSecond, burst: configuration.requestBurst))
        self.sessions = ZKSessionAdmission(
            ids: ZKSessionIDAllocator(), maximumSessions: configuration.maximumSessions,
            maximumPerAddress: configuration.maximumSessionsPerAddress)
        let refusals = RefusalLog(logger: logger)
        self.refusals = refusals
        self.gate = ConnectionGate(limits: configuration.connectionLimits) { closure in
            refusals.log(
                .warning, kind: "gate-\(closure.reason)", "pull connection closed: \(closure.reason)",
                metadata: ["peer": "\(closure.peer ?? "unknown")"])
        }
    }

    /// Live figures for `hadirctl status` and metrics.
    public var status: ZKPullServerStatus {
        var status = counters.snapshot
        status.connections = gate.status
        return status
    }

    /// Binds TCP and UDP and serves until the task is cancelled; `onListening` gets the bound
    /// status once both sockets listen (tests bind port 0).
    public func run(onListening: @Sendable (ZKPullServerStatus) -> Void = { _ in }) async throws {
        let listeners = try await bind()
        onListening(counters.snapshot)
        try await serve(listeners)
    }

    /// Binds the configured sockets. The daemon binds before it reports READY, so a client that
    /// connects as soon as systemd (or a test) sees the daemon ready is never refused.
    public func bind() async throws -> ZKPullListeners {
        let group = MultiThreadedEventLoopGroup.singleton
        let tcp = try await configuration.tcp ? bindTCP(group) : nil
        let udp: ZKUDPChannel?
        do {
            udp = try await configuration.udp ? bindUDP(group) : nil
        } catch {
            try? await tcp?.channel.close()
            throw error
        }
        counters.update {
            $0.listening = true
            $0.tcpPort = tcp?.channel.localAddress?.port
            $0.udpPort = udp?.channel.localAddress?.port
        }
        let bound = counters.snapshot
        logger.info(
            "pull server listening",
            metadata: ["tcp": "\(bound.tcpPort.map(String.init) ?? "off")", "udp": "\(bound.udpPort.map(String.init) ?? "off")"])
        return ZKPullListeners(tcp: tcp, udp: udp)
    }

    /// Serves bound sockets until the task is cancelled.
    public func serve(_ listeners: ZKPullListeners) async throws {
        defer { counters.update { $0.listening = false } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let tcp = listeners.tcp { group.addTask { try await self.acceptTCP(tcp) } }
            if let udp = listeners.udp { group.addTask { try await self.serveUDP(udp) } }
            try await group.waitForAll()
        }
    }

    private func bindTCP(_ group: MultiThreadedEventLoopGroup) async throws -> ZKTCPListener {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            // One packet per write, sent at once: pyzk breaks on split or delayed replies.
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { [gate] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectionGateHandler(gate: gate))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    private func bindUDP(_ group: MultiThreadedEventLoopGroup) async throws -> ZKUDPChannel {
        try await DatagramBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try ZKUDPChannel(wrappingChannelSynchronously: channel)
                }
            }
    }

    private func acceptTCP(_ server: ZKTCPListener) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.serveTCP(connection) }
                }
            }
        }
    }

    /// Logs what a session reported (throttled: these are what a hostile client can repeat at
    /// will) and keeps the counters.
    func note(_ notices: [ZKSessionNotice], context: ZKQueryContext) {
        for notice in notices {
            let metadata: Logger.Metadata = [
                "peer": "\(context.peer)", "session": "\(context.sessionID)", "transport": "\(context.transport.rawValue)",
            ]
            switch notice {
            case .authenticationFailed:
                counters.update { $0.authenticationFailures += 1 }
                refusals.log(.warning, kind: "auth", "pull client sent a wrong comm key", metadata: metadata)
            case .refusedReadOnly(let command):
                counters.update { $0.refusedReadOnly += 1 }
                refusals.log(.notice, kind: "read-only", "pull server is read-only; refused \(command)", metadata: metadata)
            case .badChecksum(let command, let received, let expected):
                refusals.log(
                    .info, kind: "checksum", "bad checksum on \(command) (got \(received), expected \(expected)); processed anyway",
                    metadata: metadata)
            case .malformed(let command, let reason):
                refusals.log(.warning, kind: "malformed", "malformed \(command): \(reason)", metadata: metadata)
            case .unknownCommand(let command):
                refusals.log(.info, kind: "unknown", "unknown pull command \(command) answered ACK_UNKNOWN", metadata: metadata)
            case .unsupportedBuffer(let subcommand, let fct):
                refusals.log(.info, kind: "bulk", "unsupported bulk read (sub-command \(subcommand), table \(fct))", metadata: metadata)
            case .bufferRequestOutOfRange(let start, let size, let bufferSize):
                refusals.log(
                    .warning, kind: "range", "read of \(size) bytes at \(start) is outside the \(bufferSize)-byte snapshot",
                    metadata: metadata)
            case .authenticated, .deviceEnabled, .deviceDisabled, .eventsRegistered:
                logger.debug("pull session: \(notice)", metadata: metadata)
            }
        }
    }
}

typealias ZKUDPChannel = NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>
typealias ZKTCPListener = NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

/// The pull server's bound sockets, between ``ZKPullServer/bind()`` and ``ZKPullServer/serve(_:)``.
public struct ZKPullListeners: Sendable {
    let tcp: ZKTCPListener?
    let udp: ZKUDPChannel?
}
