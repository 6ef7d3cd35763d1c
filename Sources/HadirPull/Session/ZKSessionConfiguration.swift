/// Per-kiosk settings every pull session follows.
public struct ZKSessionConfiguration: Sendable, Equatable {
    /// The comm key; 0 means none (CONNECT is answered ACK_OK straight away).
    public var commKey: UInt32
    /// Answers USER_WRQ, DELETE_* and CLEAR_* (and RESTART) with ACK_ERROR.
    public var readOnly: Bool
    public var transport: ZKTransportKind
    public var device: ZKDeviceInfo

    public init(commKey: UInt32 = 0, readOnly: Bool = false, transport: ZKTransportKind, device: ZKDeviceInfo) {
        self.commKey = commKey
        self.readOnly = readOnly
        self.transport = transport
        self.device = device
    }
}
