/// What the daemon knows about its scanner, for status and alerts.
public struct ScannerStatus: Codable, Sendable, Hashable {
    public var connected = false
    /// The device in use: the tty path, or "usb <VID:PID> on bus B address A" for a native-USB module.
    public var path: String
    public var capacity: Int?
    public var packetSize: Int?
    public var lastError: String?
    public var reconnects = 0

    public init(path: String) {
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case connected, path, capacity, reconnects
        case packetSize = "packet_size"
        case lastError = "last_error"
    }
}
