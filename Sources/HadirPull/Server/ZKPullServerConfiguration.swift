import HadirConnectionLimits

/// How the pull server listens and whom it serves.
public struct ZKPullServerConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var tcp: Bool
    public var udp: Bool
    public var commKey: UInt32
    public var readOnly: Bool
    public var allowList: ZKAllowList
    /// TCP connections plus UDP sessions at once.
    public var maximumSessions: Int
    /// Sessions (TCP and UDP) one client address may hold at once.
    public var maximumSessionsPerAddress: Int
    /// TCP connections open at once, including those that have not sent CONNECT yet.
    public var connectionLimits: ConnectionLimits
    public var requestsPerSecond: Double
    public var requestBurst: Double
    /// A session without live events registered is dropped after this long without a request.
    public var idleTimeoutSeconds: Double
    /// How long to wait for a client's ACK_OK to a live event before sending the next anyway.
    public var eventAckTimeoutSeconds: Double
    public var device: ZKDeviceInfo

    public init(
        host: String = "0.0.0.0", port: Int = 4370, tcp: Bool = true, udp: Bool = true, commKey: UInt32 = 0,
        readOnly: Bool = false, allowList: ZKAllowList = .everyone, maximumSessions: Int = 16,
        maximumSessionsPerAddress: Int = 4, connectionLimits: ConnectionLimits = Self.defaultConnectionLimits,
        requestsPerSecond: Double = 200, requestBurst: Double = 400, idleTimeoutSeconds: Double = 120,
        eventAckTimeoutSeconds: Double = 1.5, device: ZKDeviceInfo
    ) {
        self.host = host
        self.port = port
        self.tcp = tcp
        self.udp = udp
        self.commKey = commKey
        self.readOnly = readOnly
        self.allowList = allowList
        self.maximumSessions = maximumSessions
        self.maximumSessionsPerAddress = maximumSessionsPerAddress
        self.connectionLimits = connectionLimits
        self.requestsPerSecond = requestsPerSecond
        self.requestBurst = requestBurst
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.eventAckTimeoutSeconds = eventAckTimeoutSeconds
        self.device = device
    }

    /// 64 connections, 16 per address, 10 s to send the first packet (pyzk sends CONNECT at once).
    public static let defaultConnectionLimits = ConnectionLimits(
        maximumConnections: 64, maximumPerAddress: 16, firstRequestTimeoutSeconds: 10)

    func sessionConfiguration(_ transport: ZKTransportKind) -> ZKSessionConfiguration {
        ZKSessionConfiguration(commKey: commKey, readOnly: readOnly, transport: transport, device: device)
    }
}
