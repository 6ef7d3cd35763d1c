/// What the daemon knows about its scanner, for status and alerts.
public struct ScannerStatus: Codable, Sendable, Hashable {
    /// "main" for `[scanner]`, else the `[scanner.<name>]` table name.
    public var name: String
    /// `ef01` (fingerprint) or `fm225` (face).
    public var kind: String
    public var connected = false
    /// The device in use: the tty path, or "usb <VID:PID> on bus B address A" for a native-USB module.
    public var path: String
    public var capacity: Int?
    public var packetSize: Int?
    /// What the module said about itself (firmware, serial), when it says anything.
    public var module: String?
    public var lastError: String?
    public var reconnects = 0
    /// Restarts the module announced on its own (an unexpected READY), recovered without reconnecting.
    public var moduleRestarts = 0

    public init(name: String = "main", kind: String = "ef01", path: String) {
        self.name = name
        self.kind = kind
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, connected, path, capacity, reconnects, module
        case moduleRestarts = "module_restarts"
        case packetSize = "packet_size"
        case lastError = "last_error"
    }
}
